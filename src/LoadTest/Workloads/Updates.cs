namespace Programme.LoadTest.Workloads;

/// <summary>updates: sustained mixed county-agent changes, open-loop at --rate or closed-loop (--closed) at maximum.</summary>
public static class Updates
{
    public static async Task<Result> Run(Options o, TextWriter progress)
    {
        var mix = new ChangeMix(o.Int("firms", 10_000), o.Text("hot-county", "") is { Length: > 0 } h ? h : null, o.Double("skew", 0));
        await using var target = await Common.Target(o);
        var recorder = new Recorder("updates", progress);
        using var stop = new CancellationTokenSource();
        var report = recorder.Report(stop.Token);
        var duration = o.Duration(30);
        if (o.Flag("closed"))
            await Driver.ClosedLoop(recorder, o.Int("concurrency", 64), duration, o.MaxRequests, _ => mix.Mixed(target));
        else
            await Driver.OpenLoop(recorder, o.Double("rate", 1000), duration, o.MaxRequests, o.Int("max-in-flight", 2000), _ => mix.Mixed(target));
        stop.Cancel();
        await report;
        return recorder.Finish(new Dictionary<string, object>
        {
            ["via"] = o.Text("via", "orleans"), ["mode"] = o.Flag("closed") ? $"closed-loop x{o.Int("concurrency", 64)}" : $"open-loop {o.Double("rate", 1000)}/s",
            ["hotCounty"] = o.Text("hot-county", "-"), ["skew"] = o.Double("skew", 0),
        });
    }
}
