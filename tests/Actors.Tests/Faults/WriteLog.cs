using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Programme.Tests.Faults;

/// <summary>
/// Concurrent REST writers and the record a Jepsen-style check needs. One sequential writer per cell (a firm's project
/// month) sends strictly rising amounts with PUT …/progress/{month}; every attempt is recorded with its outcome:
/// <list type="bullet">
/// <item>acknowledged — a 2xx answer with the firm's new version: the change must be in the firm's trail at exactly that
/// version, for ever;</item>
/// <item>ambiguous — a timeout, a broken connection or a 5xx: the change may or may not have landed, either is fine;</item>
/// <item>rejected — any other answer (4xx): the server said it did nothing, so the change must not be in the trail.</item>
/// </list>
/// A write counts as acknowledged only once the answer is read; nothing is inferred from having sent it.
/// </summary>
public sealed class WriteLog
{
    public const decimal Step = 1_000m;

    public sealed record Cell(string EnterpriseId, string ProjectId, string Month)
    {
        public string Field => $"projects/{ProjectId}/monthly/{Month}";
        public override string ToString() => $"{EnterpriseId}/{ProjectId}/{Month}";
    }

    public enum Outcome { Acknowledged, Ambiguous, Rejected }

    public sealed record Attempt(Cell Cell, decimal Amount, DateTime SentAt, DateTime DoneAt, Outcome Outcome, long Version, string Detail);

    private readonly ConcurrentQueue<Attempt> _attempts = new();
    private int _acknowledged;

    public int Acknowledged => Volatile.Read(ref _acknowledged);
    public IReadOnlyList<Attempt> Attempts => [.. _attempts];

    /// <summary>Runs one writer per cell until <paramref name="stop"/> fires; <paramref name="clientFor"/> gives the cell's county agent.</summary>
    public Task Run(IEnumerable<Cell> cells, Func<Cell, HttpClient> clientFor, CancellationToken stop) =>
        Task.WhenAll(cells.Select(cell => Task.Run(async () =>
        {
            var http = clientFor(cell);
            var amount = 0m;
            while (!stop.IsCancellationRequested)
            {
                amount += Step;
                var sent = DateTime.UtcNow;
                var (outcome, version, detail) = await Send(http, cell, amount);
                _attempts.Enqueue(new Attempt(cell, amount, sent, DateTime.UtcNow, outcome, version, detail));
                if (outcome == Outcome.Acknowledged) Interlocked.Increment(ref _acknowledged);
                // A failed write is retried as the next, higher amount after a short back-off, as a county script would.
                else try { await Task.Delay(50, stop); } catch (OperationCanceledException) { }
            }
        })));

    private static async Task<(Outcome, long, string)> Send(HttpClient http, Cell cell, decimal amount)
    {
        try
        {
            using var response = await http.PutAsJsonAsync($"/api/enterprises/{cell.EnterpriseId}/projects/{cell.ProjectId}/progress/{cell.Month}",
                new { invested = amount });
            if (response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                return (Outcome.Acknowledged, body.GetProperty("version").GetInt64(), "");
            }
            var text = await response.Content.ReadAsStringAsync();
            return ((int)response.StatusCode >= 500 ? Outcome.Ambiguous : Outcome.Rejected, 0, $"{(int)response.StatusCode} {text}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or JsonException)
        {
            // The answer never arrived (or arrived cut off): the server may have stored the change or not.
            return (Outcome.Ambiguous, 0, e.GetType().Name);
        }
    }

    /// <summary>One stored change of a firm's trail: its version and the monthly amounts it set.</summary>
    public sealed record TrailEntry(long Version, IReadOnlyDictionary<string, decimal?> Cells);

    /// <summary>A firm's whole trail (GET /api/enterprises/{id}/history), oldest first.</summary>
    public static async Task<List<TrailEntry>> Trail(HttpClient http, string enterpriseId)
    {
        var history = await http.GetFromJsonAsync<JsonElement>($"/api/enterprises/{enterpriseId}/history");
        return [.. history.EnumerateArray().Select(h => new TrailEntry(h.GetProperty("version").GetInt64(),
                h.GetProperty("changes").EnumerateArray()
                    .GroupBy(c => c.GetProperty("field").GetString()!)
                    .Where(g => g.Key.Contains("/monthly/", StringComparison.Ordinal))
                    .ToDictionary(g => g.Key, g => g.Last().GetProperty("after").GetString() is { } a ? decimal.Parse(a, CultureInfo.InvariantCulture) : (decimal?)null)))
            .OrderBy(e => e.Version)];
    }

    /// <summary>
    /// The set check and the no-fork check against each firm's trail and current state; returns every problem found.
    /// <list type="bullet">
    /// <item>lost = ∅: every acknowledged (cell, amount) is in the trail at the version its answer gave;</item>
    /// <item>no fork: the trail's versions are unique and rising; no version is acknowledged with two different states;
    /// one writer's acknowledged versions rise; a change acknowledged before another was sent has the lower version;</item>
    /// <item>nothing rejected is in the trail; every amount in the trail was sent; a cell's current amount is its last
    /// change in the trail.</item>
    /// </list>
    /// </summary>
    public async Task<List<string>> Check(HttpClient reader, Func<string, Task<Programme.Domain.Enterprise?>> read)
    {
        var problems = new List<string>();
        var attempts = Attempts;
        foreach (var firm in attempts.GroupBy(a => a.Cell.EnterpriseId))
        {
            var trail = await Trail(reader, firm.Key);
            var current = await read(firm.Key);
            if (current is null)
            {
                problems.Add($"{firm.Key}: gone (lost)");
                continue;
            }
            var byVersion = new Dictionary<long, TrailEntry>();
            foreach (var entry in trail)
                if (!byVersion.TryAdd(entry.Version, entry)) problems.Add($"{firm.Key}: version {entry.Version} twice in the trail (fork)");
            var acked = firm.Where(a => a.Outcome == Outcome.Acknowledged).ToList();
            foreach (var a in acked)
            {
                if (!byVersion.TryGetValue(a.Version, out var entry))
                    problems.Add($"{a.Cell}: {a.Amount} acknowledged as version {a.Version}, which is not in the trail (lost)");
                else if (!entry.Cells.TryGetValue(a.Cell.Field, out var stored) || stored != a.Amount)
                    problems.Add($"{a.Cell}: {a.Amount} acknowledged as version {a.Version}, but that version holds {(entry.Cells.TryGetValue(a.Cell.Field, out var s) ? s : "no change of it")} (fork or lost)");
            }
            foreach (var sameVersion in acked.GroupBy(a => a.Version))
                foreach (var cell in sameVersion.GroupBy(a => a.Cell))
                    if (cell.Select(a => a.Amount).Distinct().Count() > 1)
                        problems.Add($"{cell.Key}: version {sameVersion.Key} acknowledged with amounts {string.Join(", ", cell.Select(a => a.Amount))} (fork)");
            foreach (var writer in acked.GroupBy(a => a.Cell))
            {
                var versions = writer.OrderBy(a => a.SentAt).Select(a => a.Version).ToList();
                for (var i = 1; i < versions.Count; i++)
                    if (versions[i] <= versions[i - 1]) problems.Add($"{writer.Key}: acknowledged versions not rising ({versions[i - 1]} then {versions[i]})");
            }
            // Real-time order across the firm's writers: a change acknowledged before another was sent precedes it.
            var byDone = acked.OrderBy(a => a.DoneAt).ToList();
            var bySent = acked.OrderBy(a => a.SentAt).ToList();
            long highestDone = 0;
            var d = 0;
            foreach (var b in bySent)
            {
                while (d < byDone.Count && byDone[d].DoneAt < b.SentAt) highestDone = Math.Max(highestDone, byDone[d++].Version);
                if (b.Version <= highestDone) problems.Add($"{b.Cell}: version {b.Version} acknowledged after version {highestDone} had been (versions went back)");
            }

            foreach (var cell in firm.GroupBy(a => a.Cell))
            {
                var sent = cell.Where(a => a.Outcome != Outcome.Rejected).Select(a => a.Amount).ToHashSet();
                var rejected = cell.Where(a => a.Outcome == Outcome.Rejected).Select(a => a.Amount).ToHashSet();
                var changes = trail.Where(e => e.Cells.ContainsKey(cell.Key.Field)).Select(e => (e.Version, Amount: e.Cells[cell.Key.Field] ?? 0m)).ToList();
                foreach (var (version, amount) in changes.Where(c => c.Amount != 0m))
                {
                    if (rejected.Contains(amount)) problems.Add($"{cell.Key}: {amount} was rejected but is in the trail at version {version}");
                    else if (!sent.Contains(amount)) problems.Add($"{cell.Key}: {amount} at version {version} was never sent");
                }
                var now = current.Projects.Single(p => p.Id == cell.Key.ProjectId).Monthly
                    .Where(m => m.Month.ToString() == cell.Key.Month).Select(m => m.Amount).SingleOrDefault();
                var last = changes.Count == 0 ? 0m : changes[^1].Amount;
                if (now != last) problems.Add($"{cell.Key}: holds {now}, but its trail's last change is {last}");
                var highestAcked = cell.Where(a => a.Outcome == Outcome.Acknowledged).Select(a => a.Amount).DefaultIfEmpty(0m).Max();
                if (now < highestAcked) problems.Add($"{cell.Key}: holds {now}, below the acknowledged {highestAcked} (lost)");
            }
        }
        return problems;
    }

    /// <summary>How long after <paramref name="faultAt"/> each firm's writes were served again.</summary>
    public sealed record Recovery(TimeSpan FirstAffected, TimeSpan AllServed, int AffectedFirms, int AmbiguousWrites, IReadOnlyList<string> NotRecovered)
    {
        public override string ToString() =>
            $"{AffectedFirms} firms affected, {AmbiguousWrites} ambiguous writes; first affected firm served again after {FirstAffected.TotalSeconds:0.00} s, " +
            $"every firm after {AllServed.TotalSeconds:0.00} s" + (NotRecovered.Count > 0 ? $"; never served again: {string.Join(", ", NotRecovered)}" : "");
    }

    /// <summary>
    /// For each firm, the time from the fault to the answer of its first acknowledged write sent after the fault. A
    /// firm is affected when one of its writes answered after the fault failed. <see cref="Recovery.AllServed"/> is the
    /// slowest firm (affected or not), <see cref="Recovery.FirstAffected"/> the fastest affected one.
    /// </summary>
    public Recovery RecoveryAfter(DateTime faultAt, DateTime? until = null)
    {
        var attempts = Attempts.Where(a => a.DoneAt >= faultAt && (until is null || a.SentAt < until)).ToList();
        var perFirm = attempts.GroupBy(a => a.Cell.EnterpriseId).Select(g =>
        {
            var first = g.Where(a => a.Outcome == Outcome.Acknowledged && a.SentAt >= faultAt).Select(a => (DateTime?)a.DoneAt).Min();
            return (Firm: g.Key, Affected: g.Any(a => a.Outcome != Outcome.Acknowledged), Served: first - faultAt,
                Ambiguous: g.Count(a => a.Outcome == Outcome.Ambiguous));
        }).ToList();
        var affected = perFirm.Where(f => f.Affected).ToList();
        return new Recovery(
            affected.Where(f => f.Served is not null).Select(f => f.Served!.Value).DefaultIfEmpty(TimeSpan.Zero).Min(),
            perFirm.Where(f => f.Served is not null).Select(f => f.Served!.Value).DefaultIfEmpty(TimeSpan.Zero).Max(),
            affected.Count, perFirm.Sum(f => f.Ambiguous),
            [.. perFirm.Where(f => f.Served is null).Select(f => f.Firm)]);
    }

    /// <summary>Whether every firm written to has had a write sent after <paramref name="since"/> acknowledged.</summary>
    public bool EveryFirmServedSince(DateTime since, IReadOnlyCollection<string> firms)
    {
        var served = Attempts.Where(a => a.Outcome == Outcome.Acknowledged && a.SentAt >= since).Select(a => a.Cell.EnterpriseId).ToHashSet();
        return firms.All(served.Contains);
    }

    public int AcknowledgedSince(DateTime since) => Attempts.Count(a => a.Outcome == Outcome.Acknowledged && a.SentAt >= since);

    public string Summary() =>
        string.Join(", ", Attempts.GroupBy(a => a.Outcome).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"));
}
