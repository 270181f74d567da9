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
        var memoryBefore = o.Flag("memory") ? await Memory(o) : null;
        using var stop = new CancellationTokenSource();
        var report = recorder.Report(stop.Token);
        await Driver.ClosedLoop(recorder, o.Int("concurrency", 64), o.Duration(Options.MaxSeconds), Math.Min(n, o.MaxRequests),
            i => target.Register(first + (int)i));
        stop.Cancel();
        await report;
        var extra = new Dictionary<string, object> { ["enterprises"] = n, ["via"] = o.Text("via", "orleans"), ["firmsPerSecond"] = Math.Round(recorder.Operations / recorder.Elapsed.TotalSeconds, 1) };
        if (memoryBefore is { } before)
        {
            await Task.Delay(2000); // let the counties settle
            var after = await Memory(o);
            extra["heapBytesBefore"] = before.Heap;
            extra["heapBytesAfter"] = after!.Value.Heap;
            extra["heapBytesPerEnterprise"] = Math.Round((after.Value.Heap - before.Heap) / (double)n);
            extra["workingSetBytesPerEnterprise"] = Math.Round((after.Value.WorkingSet - before.WorkingSet) / (double)n);
        }
        return recorder.Finish(extra);
    }

    /// <summary>The app's managed heap after a full GC (needs Diagnostics:Memory=true on the app).</summary>
    private static async Task<(long Heap, long WorkingSet)?> Memory(Options o)
    {
        using var http = new HttpClient { BaseAddress = o.Url, Timeout = TimeSpan.FromMinutes(2) };
        var m = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(http, "/diagnostics/memory");
        return (m.GetProperty("heapBytes").GetInt64(), m.GetProperty("workingSetBytes").GetInt64());
    }
}
