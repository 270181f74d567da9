namespace Programme.LoadTest.Workloads;

/// <summary>updates: sustained mixed county-agent changes, open-loop at --rate or closed-loop (--closed) at maximum.</summary>
public static class Updates
{
    public static async Task<Result> Run(Options o, TextWriter progress)
    {
        var firms = o.Int("firms", 10_000);
        var check = o.Flag("check");
        var mix = new ChangeMix(firms, o.Text("hot-county", "") is { Length: > 0 } h ? h : null, o.Double("skew", 0)) { Ledger = check ? new ChangeLedger() : null };
        await using var target = await Common.Target(o);
        // --check: the firms are read before and after through an Orleans client (--gateway), also for --via rest.
        await using var ownReader = check && target is not OrleansTarget ? await OrleansTarget.Connect(o) : null;
        var reader = ownReader ?? target as OrleansTarget;
        var before = check ? await StoreCheck.Read(reader!, firms) : null;
        if (before is not null) mix.Seed(before);
        var duration = o.Duration(30);
        var warmup = o.Warmup();
        Task Drive(Recorder r, TimeSpan d, long max) => o.Flag("closed")
            ? Driver.ClosedLoop(r, o.Int("concurrency", 64), d, max, _ => mix.Mixed(target))
            : Driver.OpenLoop(r, o.Double("rate", 1000), d, max, o.Int("max-in-flight", 2000), _ => mix.Mixed(target));
        // --warmup: the same mix, users and checks for S seconds, not recorded (the ledger of --check still sees them);
        // the recorded window starts after it, on a target whose code is already compiled and whose pools are full.
        string? warmed = null;
        if (warmup > TimeSpan.Zero)
        {
            var warm = new Recorder("updates (warm-up)", progress);
            await Drive(warm, warmup, o.MaxRequests);
            warmed = WarmupSummary(warm);
        }
        var recorder = new Recorder("updates", progress);
        using var stop = new CancellationTokenSource();
        var report = recorder.Report(stop.Token);
        await Drive(recorder, duration, o.MaxRequests);
        stop.Cancel();
        await report;
        var result = recorder.Finish(new Dictionary<string, object>
        {
            ["via"] = o.Text("via", "orleans"), ["mode"] = o.Flag("closed") ? $"closed-loop x{o.Int("concurrency", 64)}" : $"open-loop {o.Double("rate", 1000)}/s",
            ["hotCounty"] = o.Text("hot-county", "-"), ["skew"] = o.Double("skew", 0),
        });
        if (warmed is not null) result.Extra["warmup"] = warmed;
        if (before is not null)
        {
            // After the figures are taken, so reading the firms back does not count against the run's time.
            var expected = mix.Ledger!.Expectations(before);
            var (ok, summary) = await StoreCheck.Verify(reader!, expected);
            result.Extra["check"] = summary;
            result.CheckFailed = !ok;
            if (o.Text("check-out", "") is { Length: > 0 } path) await StoreCheck.Save(path, expected);
        }
        return result;
    }

    /// <summary>What the unrecorded warm-up did (read as it ends), so a reader can see it ran and how far from steady the target was.</summary>
    public static string WarmupSummary(Recorder warm) =>
        $"{warm.Elapsed.TotalSeconds:0.0} s not recorded: {warm.Operations} ok ({warm.Operations / Math.Max(0.001, warm.Elapsed.TotalSeconds):0}/s), {warm.Errors} errors";
}
