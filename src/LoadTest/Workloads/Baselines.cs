using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Programme.Benchmarks;

namespace Programme.LoadTest.Workloads;

/// <summary>
/// The baselines every figure is a ratio of, measured in the same run on the same machine: a bare Orleans grain call,
/// a bare Kestrel endpoint driven by the same HTTP loop as the REST workload, and a bare SignalR broadcast.
/// </summary>
public static class Baselines
{
    /// <summary>
    /// baseline-ping: an empty grain call through the same Orleans client and concurrency as the updates workload.
    /// Every ping grain is called once before the timed window (not recorded), as <c>populate</c> activates the
    /// enterprises before <c>updates</c> is timed: the window measures the bare call, not 10,000 activations.
    /// </summary>
    public static async Task<Result> Ping(Options o, TextWriter progress)
    {
        await using var target = await OrleansTarget.Connect(o);
        var keys = o.Int("firms", 10_000);
        var warm = new Recorder("baseline-ping (activation)", TextWriter.Null);
        await Driver.ClosedLoop(warm, o.Int("concurrency", 64), TimeSpan.FromMinutes(5), keys,
            async n => await target.Client.GetGrain<IPingGrain>(n).Ping((int)n));
        if (warm.Errors > 0) throw new LoadError($"baseline-ping: {warm.Errors} of {keys} activations failed");
        var recorder = new Recorder("baseline-ping", progress);
        using var stop = new CancellationTokenSource();
        var report = recorder.Report(stop.Token);
        await Driver.ClosedLoop(recorder, o.Int("concurrency", 64), o.Duration(30), o.MaxRequests,
            async n => await target.Client.GetGrain<IPingGrain>(n % keys).Ping((int)n));
        stop.Cancel();
        await report;
        return recorder.Finish();
    }

    /// <summary>baseline-kestrel: a bare Kestrel PUT endpoint in this process, loaded like the REST workload.</summary>
    public static async Task<Result> Kestrel(Options o, TextWriter progress)
    {
        var port = FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        await using var app = builder.Build();
        app.MapPut("/bare/{id}/{month}", (string id, string month, BareBody body) => Results.Ok(new BareReply(body.Invested + 1)));
        await app.StartAsync();
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 512 };
        using var http = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        async Task Put(long n)
        {
            using var r = await http.PutAsync($"/bare/lt-{n % 10_000:D6}/2022-08", JsonBodies.Invested(n));
            if (!r.IsSuccessStatusCode) throw new LoadError($"HTTP {(int)r.StatusCode}");
        }
        // --warmup S: as updates --warmup, the same loop unrecorded first, so the baseline is as warm as the product.
        var warmup = o.Warmup();
        string? warmed = null;
        if (warmup > TimeSpan.Zero)
        {
            var warm = new Recorder("baseline-kestrel (warm-up)", progress);
            await Driver.ClosedLoop(warm, o.Int("concurrency", 64), warmup, o.MaxRequests, Put);
            warmed = Updates.WarmupSummary(warm);
        }
        var recorder = new Recorder("baseline-kestrel", progress);
        using var stop = new CancellationTokenSource();
        var report = recorder.Report(stop.Token);
        await Driver.ClosedLoop(recorder, o.Int("concurrency", 64), o.Duration(30), o.MaxRequests, Put);
        stop.Cancel();
        await report;
        await app.StopAsync();
        return warmed is null ? recorder.Finish() : recorder.Finish(new Dictionary<string, object> { ["warmup"] = warmed });
    }

    /// <summary>baseline-signalr: a bare hub broadcasting timestamped messages to K clients at --rate; latency = send → receive.</summary>
    public static async Task<Result> SignalR(Options o, TextWriter progress)
    {
        var port = FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddSignalR();
        await using var app = builder.Build();
        app.MapHub<BareHub>("/bare");
        await app.StartAsync();
        var hub = app.Services.GetRequiredService<IHubContext<BareHub>>();
        var clock = Stopwatch.StartNew();
        var recorder = new Recorder("baseline-signalr", progress);
        var k = o.Int("k", 200);
        var clients = new List<HubConnection>();
        for (var i = 0; i < k; i++)
        {
            var c = new HubConnectionBuilder().WithUrl($"http://127.0.0.1:{port}/bare").Build();
            c.On<long>("tick", sent => recorder.Ok(TimeSpan.FromTicks((clock.ElapsedTicks - sent) * TimeSpan.TicksPerSecond / Stopwatch.Frequency)));
            await c.StartAsync();
            await c.InvokeAsync("Join", $"g{i % 8}");
            clients.Add(c);
        }
        using var stop = new CancellationTokenSource();
        var report = recorder.Report(stop.Token);
        var sends = new Recorder("baseline-signalr (sends)", TextWriter.Null);
        // The same shape as board pushes: one message per update to one of eight groups.
        await Driver.OpenLoop(sends, o.Double("rate", 5000) / 25, o.Duration(30), o.MaxRequests, 1000,
            n => hub.Clients.Group($"g{n % 8}").SendAsync("tick", clock.ElapsedTicks));
        await Task.Delay(1000);
        stop.Cancel();
        await report;
        foreach (var c in clients) await c.DisposeAsync();
        await app.StopAsync();
        return recorder.Finish(new Dictionary<string, object> { ["clients"] = k, ["broadcastsPerSecond"] = o.Double("rate", 5000) / 25 });
    }

    /// <summary>bare-server: an empty Kestrel app answering GET / — what starting any ASP.NET Core process costs here.</summary>
    public static async Task<int> BareServer(Options o)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{o.Int("port", 5098)}");
        await using var app = builder.Build();
        app.MapGet("/", () => "ok");
        // The same PUT as baseline-kestrel, for an outside load generator (wrk) against both this and the product.
        app.MapPut("/bare/{id}/{month}", (string id, string month, BareBody body) => Results.Ok(new BareReply(body.Invested + 1)));
        await app.RunAsync();
        return 0;
    }

    private static int FreePort()
    {
        using var l = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}

public sealed record BareBody(long Invested);
public sealed record BareReply(long Version);

public sealed class BareHub : Hub
{
    public Task Join(string group) => Groups.AddToGroupAsync(Context.ConnectionId, group);
}
