using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Programme.Domain;

namespace Programme.LoadTest.Workloads;

/// <summary>
/// watchers: K SignalR board subscribers (spread over the county scopes) while changes stream in through the Orleans
/// client at --rate. Each change only raises its county's completed investment, so when a watcher receives a board
/// whose figure covers a change, the lag from that change's acknowledgement to the board is known.
/// </summary>
public static class Watchers
{
    private sealed class CountyLedger
    {
        public readonly object Gate = new();
        public readonly List<(decimal Cumulative, long AckTicks)> Acks = [];
        public decimal Total;
    }

    public static async Task<Result> Run(Options o, TextWriter progress)
    {
        var k = o.Int("k", 200);
        var firms = o.Int("firms", 2_000);
        var url = o.Url;
        var counties = CountyCatalogue.All.Select(c => c.Id).ToArray();
        var ledgers = counties.ToDictionary(c => c, _ => new CountyLedger());
        var lag = new Recorder("watchers (lag: acknowledged change → board push)", progress);
        var clock = Stopwatch.StartNew();

        // Fresh firms of this run only, so every change raises its county's figure from a known start.
        var offset = 1_000_000 + Random.Shared.Next(800) * 10_000;
        await using var target = await OrleansTarget.Connect(o);
        var registration = new Recorder("watchers (registering firms)", TextWriter.Null);
        await Driver.ClosedLoop(registration, 32, TimeSpan.FromMinutes(5), firms, i => target.Register(offset + (int)i));
        if (registration.Errors > 0) throw new LoadError($"registering the watchers' firms failed {registration.Errors} times");
        await Task.Delay(1000); // let the counties take them in before the baseline is read

        var connections = new List<HubConnection>();
        for (var w = 0; w < k; w++)
        {
            var county = counties[w % counties.Length];
            var connection = new HubConnectionBuilder().WithUrl(new Uri(url, "/hubs/board")).Build();
            var ledger = ledgers[county];
            var seen = 0;
            decimal? baseline = null;
            connection.On<string, JsonElement>("board", (scope, board) =>
            {
                var now = clock.ElapsedTicks;
                var total = board.GetProperty("investment").GetProperty("completedThisYear").GetDecimal();
                if (baseline is null) return;
                lock (ledger.Gate)
                {
                    while (seen < ledger.Acks.Count && ledger.Acks[seen].Cumulative <= total - baseline.Value)
                    {
                        lag.Ok(TimeSpan.FromTicks((now - ledger.Acks[seen].AckTicks) * TimeSpan.TicksPerSecond / Stopwatch.Frequency));
                        seen++;
                    }
                }
            });
            await connection.StartAsync();
            var snapshot = await connection.InvokeAsync<JsonElement>("Subscribe", $"county:{county}");
            baseline = snapshot.GetProperty("investment").GetProperty("completedThisYear").GetDecimal();
            connections.Add(connection);
        }
        progress.WriteLine($"[watchers] {k} subscribers connected");

        var mix = new ChangeMix(firms, null, 0);
        var writes = new Recorder("watchers (changes)", progress);
        using var stop = new CancellationTokenSource();
        var report = writes.Report(stop.Token);
        lag.Restart();
        await Driver.OpenLoop(writes, o.Double("rate", 5000), o.Duration(30), o.MaxRequests, o.Int("max-in-flight", 5000), async _ =>
        {
            var (index, delta) = await mix.Progress(target, offset, mix.PickFirm(), aboveScaleOnly: true);
            var ledger = ledgers[Population.County(offset + index)];
            var ack = clock.ElapsedTicks;
            lock (ledger.Gate)
            {
                ledger.Total += delta;
                ledger.Acks.Add((ledger.Total, ack));
            }
        });
        // The rate sustained is over the sending window (until the last change is acknowledged), not the settling below.
        var changes = writes.Finish();
        await Task.Delay(2000); // let the last pushes arrive
        stop.Cancel();
        await report;
        foreach (var c in connections) await c.DisposeAsync();
        changes.Print(progress);
        return lag.Finish(new Dictionary<string, object>
        {
            ["watchers"] = k, ["changesPerSecond"] = changes.Throughput, ["changes"] = changes.Operations, ["changeErrors"] = changes.Errors,
            ["changeP99Ms"] = changes.P99Ms, ["generatorBehindScheduleMaxMs"] = changes.Extra["generatorBehindScheduleMaxMs"],
            ["generatorIssuedLate"] = changes.Extra["generatorIssuedLate"],
            ["note"] = "operations = (change, watcher) pairs whose board push was seen; latency = ack → push received",
        });
    }
}
