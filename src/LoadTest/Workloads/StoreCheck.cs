using System.Collections.Concurrent;
using System.Text.Json;
using Programme.Domain;
using Programme.Grains;

namespace Programme.LoadTest.Workloads;

/// <summary>
/// What one firm must hold after a run, from what the load tool sent and what was acknowledged: every acknowledged
/// change must be there, and nothing that was never sent. A change that failed (timeout, error) may or may not have
/// landed, so it widens the bounds instead of failing the check. With no errors every bound is exact.
/// </summary>
public sealed record FirmExpectation(int Firm, decimal AmountMin, decimal AmountMax, int ProjectsMin, int ProjectsMax,
    string? Status, long VersionMin, long VersionMax);

/// <summary>The enterprises as they were before a run (version, project count, p1's amount of the month, p2's status).</summary>
public sealed record FirmSnapshot(long Version, int Projects, decimal Amount, string? Status);

/// <summary>
/// updates --check: reads every firm of the run before and after it (through the Orleans client, from the grains the
/// changes went to), and compares each with what the run acknowledged. check --expect FILE repeats the comparison
/// later (e.g. after the silos restarted, so every firm is read back from the store).
/// </summary>
public static class StoreCheck
{
    public static async Task<FirmSnapshot?[]> Read(OrleansTarget orleans, int firms, int offset = 0)
    {
        var result = new FirmSnapshot?[firms];
        await Parallel.ForEachAsync(Enumerable.Range(0, firms), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, _) =>
        {
            var e = await orleans.Client.GetGrain<IEnterpriseGrain>(Population.Id(offset + i)).Get();
            result[i] = e is null ? null : Snapshot(e);
        });
        return result;
    }

    private static FirmSnapshot Snapshot(Enterprise e)
    {
        var p1 = e.Projects.FirstOrDefault(p => p.Id == "p1");
        var amount = p1?.Monthly.FirstOrDefault(m => m.Month.ToString() == ChangeMix.Month)?.Amount ?? 0m;
        var p2 = e.Projects.FirstOrDefault(p => p.Id == "p2");
        return new FirmSnapshot(e.Version, e.Projects.Length, amount, p2?.Status.ToString().ToLowerInvariant());
    }

    /// <summary>Compares the firms now with the expectations; "ok: …" or "FAILED: …" with the first differences.</summary>
    public static async Task<(bool Ok, string Summary)> Verify(OrleansTarget orleans, IReadOnlyList<FirmExpectation> expected)
    {
        if (expected.Count == 0) return (true, "ok: nothing to check");
        var firms = expected.Max(x => x.Firm) + 1;
        var now = await Read(orleans, firms);
        var wrong = new List<string>();
        long versions = 0, changes = 0;
        foreach (var x in expected)
        {
            var s = now[x.Firm];
            if (s is null) { wrong.Add($"{Population.Id(x.Firm)} missing"); continue; }
            var why = new List<string>();
            if (s.Amount < x.AmountMin || s.Amount > x.AmountMax) why.Add($"p1 {ChangeMix.Month} {s.Amount}, expected {Range(x.AmountMin, x.AmountMax)}");
            if (s.Projects < x.ProjectsMin || s.Projects > x.ProjectsMax) why.Add($"{s.Projects} projects, expected {Range(x.ProjectsMin, x.ProjectsMax)}");
            if (x.Status is not null && s.Status != x.Status) why.Add($"p2 {s.Status}, expected {x.Status}");
            if (s.Version < x.VersionMin || s.Version > x.VersionMax) why.Add($"version {s.Version}, expected {Range(x.VersionMin, x.VersionMax)}");
            if (why.Count > 0) wrong.Add($"{Population.Id(x.Firm)}: {string.Join("; ", why)}");
            versions += s.Version;
            changes += x.VersionMin;
        }
        return wrong.Count == 0
            ? (true, $"ok: {expected.Count} firms read back, every acknowledged change there (sum of versions {versions}, at least {changes} expected)")
            : (false, $"FAILED: {wrong.Count} of {expected.Count} firms differ from what was acknowledged, e.g. {string.Join(" | ", wrong.Take(5))}");

        static string Range<T>(T a, T b) where T : IEquatable<T> => a.Equals(b) ? $"{a}" : $"{a}–{b}";
    }

    public static async Task Save(string path, IReadOnlyList<FirmExpectation> expected) =>
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(expected));

    /// <summary>check --expect FILE [--gateway …]: the comparison of updates --check, again, against the cluster now.</summary>
    public static async Task<Result> Run(Options o, TextWriter progress)
    {
        var path = o.Text("expect", "");
        if (path.Length == 0) throw new ArgumentException("check needs --expect FILE (written by updates --check --check-out FILE)");
        var expected = JsonSerializer.Deserialize<List<FirmExpectation>>(await File.ReadAllTextAsync(path)) ?? [];
        await using var orleans = await OrleansTarget.Connect(o);
        var recorder = new Recorder("check", progress);
        var (ok, summary) = await Verify(orleans, expected);
        if (ok) recorder.Ok(recorder.Elapsed); else recorder.Error("check failed");
        var result = recorder.Finish(new Dictionary<string, object> { ["check"] = summary });
        result.CheckFailed = !ok;
        return result;
    }

    /// <summary>versions --firms N: the sum of the first N firms' versions (each accepted change adds one), for outside load tools.</summary>
    public static async Task<Result> Versions(Options o, TextWriter progress)
    {
        await using var orleans = await OrleansTarget.Connect(o);
        var recorder = new Recorder("versions", progress);
        var all = await Read(orleans, o.Int("firms", 10_000));
        foreach (var _ in all) recorder.Ok(TimeSpan.Zero);
        return recorder.Finish(new Dictionary<string, object> { ["versions"] = all.Sum(s => s?.Version ?? 0), ["missing"] = all.Count(s => s is null) });
    }
}

/// <summary>What a run sent to and got acknowledged by each firm (ChangeMix records into it when given one).</summary>
public sealed class ChangeLedger
{
    private sealed class Firm
    {
        public decimal AmountAcked, AmountSent;
        public int ProgressAcked, AddsAcked, AddsSent, StatusAcked, Sent;
        public string? LastStatus;
        public bool StatusFailed;
    }

    private readonly ConcurrentDictionary<int, Firm> _firms = new();

    private Firm Of(int firm) => _firms.GetOrAdd(firm, _ => new Firm());

    /// <summary>A firm's progress changes are sent one at a time with rising amounts (ChangeMix).</summary>
    public async Task Progress(int firm, decimal amount, Func<Task> call)
    {
        var f = Of(firm);
        lock (f) { f.Sent++; f.AmountSent = Math.Max(f.AmountSent, amount); }
        await call();
        lock (f) { f.ProgressAcked++; f.AmountAcked = Math.Max(f.AmountAcked, amount); }
    }

    public async Task AddProject(int firm, Func<Task> call)
    {
        var f = Of(firm);
        lock (f) { f.Sent++; f.AddsSent++; }
        await call();
        lock (f) f.AddsAcked++;
    }

    /// <summary>A firm's status changes are sent one at a time, each the opposite of the last (ChangeMix).</summary>
    public async Task Status(int firm, string status, Func<Task> call)
    {
        var f = Of(firm);
        lock (f) { f.Sent++; f.LastStatus = null; }
        try
        {
            await call();
            lock (f) { f.StatusAcked++; f.LastStatus = status; }
        }
        catch
        {
            lock (f) f.StatusFailed = true;
            throw;
        }
    }

    public List<FirmExpectation> Expectations(FirmSnapshot?[] before)
    {
        var list = new List<FirmExpectation>();
        foreach (var (i, f) in _firms.OrderBy(kv => kv.Key))
        {
            var b = before[i] ?? throw new LoadError($"{Population.Id(i)} was not registered before the run");
            lock (f)
            {
                // Amounts rise from the stored one (ChangeMix.Seed), so each progress change is a change; with a failed
                // one after the last acknowledged, the firm holds either.
                var amountMin = f.ProgressAcked > 0 ? f.AmountAcked : b.Amount;
                var amountMax = f.AmountSent > 0 ? Math.Max(f.AmountSent, b.Amount) : b.Amount;
                // Each acknowledged change raises the version by one; a status flip only while none of the firm's failed
                // (after a lost one the next flip may find the status already set).
                var sure = f.ProgressAcked + f.AddsAcked + (f.StatusFailed ? 0 : f.StatusAcked);
                var status = f.StatusFailed ? null : f.LastStatus ?? b.Status;
                list.Add(new FirmExpectation(i, amountMin, amountMax, b.Projects + f.AddsAcked, b.Projects + f.AddsSent,
                    status, b.Version + sure, b.Version + f.Sent));
            }
        }
        return list;
    }
}
