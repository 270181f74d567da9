using System.Collections.Concurrent;

namespace Programme.LoadTest.Workloads;

/// <summary>
/// The mix of county-agent changes over a populated range of firms: mostly monthly progress (the amount only ever
/// grows, so a board's figure tells which changes it reflects), some project status flips, some new projects, with an
/// optional skew toward one hot county.
/// </summary>
public sealed class ChangeMix(int firms, string? hotCounty, double skew, int seed = 7)
{
    public const string Month = "2022-08";
    private readonly ConcurrentDictionary<int, decimal> _amounts = new();
    private readonly ConcurrentDictionary<int, int> _projects = new();
    private readonly ConcurrentDictionary<int, bool> _completed = new();
    private readonly int _hotIndex = hotCounty is null ? -1 : Array.FindIndex(Domain.CountyCatalogue.All.ToArray(), c => c.Id == hotCounty);
    private readonly ThreadLocal<Random> _random = new(() => new Random(seed + Environment.CurrentManagedThreadId));

    public int PickFirm()
    {
        var r = _random.Value!;
        if (_hotIndex >= 0 && r.NextDouble() < skew)
        {
            var perCounty = Math.Max(1, firms / 8);
            return Math.Min(firms - 1, r.Next(perCounty) * 8 + _hotIndex);
        }
        return r.Next(firms);
    }

    /// <summary>Raises the firm's p1 August investment by a small random amount; returns the firm and the increase.</summary>
    public async Task<(int Firm, decimal Delta)> Progress(IChangeTarget target, int firm) => await Progress(target, 0, firm);

    /// <summary>
    /// The same, for firm number <paramref name="offset"/> + <paramref name="firm"/>. One change per firm at a time (as one
    /// agent would): two in flight for a firm could land in either order, and a lower amount written last would make
    /// the county's figure stop telling which changes it holds. A busy firm passes the change to the next free one.
    /// </summary>
    public async Task<(int Firm, decimal Delta)> Progress(IChangeTarget target, int offset, int firm, bool aboveScaleOnly = false)
    {
        // Below-scale firms' investment is reported apart from the programme's figures (Population: every tenth firm).
        while ((aboveScaleOnly && !Population.Profile(offset + firm).AboveScale!.Value) || !_busy.TryAdd(firm, true))
            firm = (firm + 1) % firms;
        try
        {
            var delta = 1 + _random.Value!.Next(1000);
            var amount = _amounts.AddOrUpdate(firm, delta, (_, a) => a + delta);
            if (Ledger is { } ledger) await ledger.Progress(offset + firm, amount, () => target.Progress(offset + firm, "p1", Month, amount));
            else await target.Progress(offset + firm, "p1", Month, amount);
            return (firm, delta);
        }
        finally
        {
            _busy.TryRemove(firm, out _);
        }
    }

    private readonly ConcurrentDictionary<int, bool> _busy = new();
    private readonly ConcurrentDictionary<int, bool> _busyStatus = new();

    /// <summary>When set, every change is recorded with whether it was acknowledged (updates --check).</summary>
    public ChangeLedger? Ledger { get; init; }

    /// <summary>
    /// Starts each firm's amount and p2 status from what it holds (read before the run), so every change is one: the
    /// amount rises above the stored one, a status flip sets the other status.
    /// </summary>
    public void Seed(IReadOnlyList<FirmSnapshot?> firmsNow)
    {
        for (var i = 0; i < firmsNow.Count; i++)
        {
            if (firmsNow[i] is not { } s) continue;
            _amounts[i] = s.Amount;
            _completed[i] = s.Status == "completed";
        }
    }

    public async Task Mixed(IChangeTarget target)
    {
        var firm = PickFirm();
        var roll = _random.Value!.Next(100);
        if (roll < 10)
            await Status(target, firm);
        else if (roll < 20 && _projects.AddOrUpdate(firm, 3, (_, c) => c + 1) <= 12)
        {
            if (Ledger is { } ledger) await ledger.AddProject(firm, () => target.AddProject(firm));
            else await target.AddProject(firm);
        }
        else
            await Progress(target, firm);
    }

    /// <summary>Flips p2 between underway and completed, one flip per firm at a time (a busy firm passes it on).</summary>
    private async Task Status(IChangeTarget target, int firm)
    {
        while (!_busyStatus.TryAdd(firm, true)) firm = (firm + 1) % firms;
        try
        {
            var status = _completed.AddOrUpdate(firm, true, (_, c) => !c) ? "completed" : "underway";
            if (Ledger is { } ledger) await ledger.Status(firm, status, () => target.Status(firm, "p2", status));
            else await target.Status(firm, "p2", status);
        }
        finally
        {
            _busyStatus.TryRemove(firm, out _);
        }
    }
}
