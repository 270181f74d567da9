namespace Programme.LoadTest.Workloads;

/// <summary>populate: registers N synthetic firms (two underway projects each) across the eight counties.</summary>
public static class Populate
{
    public static async Task<Result> Run(Options o, TextWriter progress)
    {
        var n = o.Int("n", 10_000);
        var first = o.Int("from", 0);
        await using var target = await Common.Target(o);
        var recorder = new Recorder("populate", progress);
        using var stop = new CancellationTokenSource();
        var report = recorder.Report(stop.Token);
        await Driver.ClosedLoop(recorder, o.Int("concurrency", 64), o.Duration(Options.MaxSeconds), Math.Min(n, o.MaxRequests),
            i => target.Register(first + (int)i));
        stop.Cancel();
        await report;
        return recorder.Finish(new Dictionary<string, object> { ["enterprises"] = n, ["via"] = o.Text("via", "orleans"), ["firmsPerSecond"] = Math.Round(recorder.Operations / recorder.Elapsed.TotalSeconds, 1) });
    }
}
