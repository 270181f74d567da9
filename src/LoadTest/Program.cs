using System.Text.Json;
using Programme.LoadTest;
using Programme.LoadTest.Workloads;

return await LoadTestProgram.Run(args, Console.Out, Console.Error);

namespace Programme.LoadTest
{
    public static class LoadTestProgram
    {
        public const string Help = """
            Load tests for the Three Transformations cluster. Every run is bounded in time (--duration, ≤ 600 s) and
            requests (--max-requests), and targets this machine only (loopback; --allow-host HOST for a configured cluster).

            usage: dotnet run -c Release --project src/LoadTest -- <workload> [options] [--out result.json]

            workloads
              populate           register --n firms (default 10000; ids lt-000000…, county i mod 8, two underway projects each)
              updates            mixed agent changes on the first --firms firms: 80 % monthly progress, 10 % project status,
                                 10 % new projects; open-loop at --rate (default 1000/s, --max-in-flight 2000) or --closed
                                 with --concurrency workers (default 64); --hot-county ID --skew 0.5 sends half to one county;
                                 --check reads the firms before and after (Orleans client, --gateway) and fails (exit 3)
                                 unless every acknowledged change is there and nothing unsent is
              watchers           --k SignalR board subscribers (default 200) over the county scopes; registers --firms fresh firms
                                 (default 2000) and streams changes to them
                                 at --rate (default 5000/s); reports the lag from a change's acknowledgement to the push that shows it
              check              --expect FILE: reads the firms again and compares them with what an earlier updates --check
                                 --check-out FILE run acknowledged (e.g. after restarting the silos: read back from the store)
              versions           --firms N: the sum of the first N firms' versions (an accepted change adds one), for wrk runs
              simulation         POST /api/scenarios with a synthetic population of --n firms over --months (default 100000 × 36);
                                 reports enterprise-months per second
              baseline-ping      a bare Orleans grain call, same client and --concurrency as updates
              baseline-kestrel   a bare Kestrel PUT endpoint in this process, same HTTP loop and --concurrency as updates --via rest
              baseline-signalr   a bare SignalR hub broadcasting to --k clients
              bare-server        serve a bare Kestrel endpoint on --port until stopped (the cold-start baseline)
              durable-writes     durable enterprise changes/s through the ADO.NET grain storage against pgbench's one-row upserts,
                                 uniform and Zipf-skewed: --ConnectionStrings:Orleans "<empty database>" [--seconds 10]
                                 [--firms 1000] [--concurrency 64] --pgbench PATH (scripts/benchmark-durable-writes.sh runs it)

            options
              --via orleans|rest     populate and updates: through an Orleans client (gateways --gateway 30000[,30001]) or the REST API (--url)
              --url URL              the web front end (default http://127.0.0.1:5080)
              --signing-key KEY      REST: the app's Auth:SigningKey, to mint tokens (default: the development key); --users N tokens
              --warmup S             updates and baseline-kestrel: S seconds of the same load first, not recorded (default 0)
              --duration S  --max-requests N  --out FILE
            Each workload prints progress every second and, at the end, throughput, latency p50/p90/p99/max (HdrHistogram)
            and errors; --out writes the same as JSON.
            """;

        public static async Task<int> Run(string[] args, TextWriter output, TextWriter progress)
        {
            if (args.Length > 0 && args[0] == "bare-server") return await Baselines.BareServer(new Options(args.Skip(1)));
            if (args.Length > 0 && args[0] == DurableWrites.Name) return await DurableWrites.Run(args[1..]);
            if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
            {
                output.WriteLine(Help);
                return args.Length == 0 ? 2 : 0;
            }
            try
            {
                var options = new Options(args.Skip(1));
                Func<Options, TextWriter, Task<Result>> workload = args[0] switch
                {
                    "populate" => Populate.Run,
                    "updates" => Updates.Run,
                    "watchers" => Watchers.Run,
                    "simulation" => Workloads.Simulation.Run,
                    "check" => StoreCheck.Run,
                    "versions" => StoreCheck.Versions,
                    "baseline-ping" => Baselines.Ping,
                    "baseline-kestrel" => Baselines.Kestrel,
                    "baseline-signalr" => Baselines.SignalR,
                    _ => throw new ArgumentException($"unknown workload '{args[0]}' (see --help)"),
                };
                var result = await workload(options, progress);
                result.Print(output);
                if (options.Text("out", "") is { Length: > 0 } path)
                    await File.WriteAllTextAsync(path, JsonSerializer.Serialize(result, Result.Json));
                return result.CheckFailed ? 3 : result.Operations > 0 ? 0 : 1;
            }
            catch (ArgumentException ex)
            {
                progress.WriteLine($"loadtest: {ex.Message}");
                return 2;
            }
        }
    }
}
