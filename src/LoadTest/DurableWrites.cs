using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Programme.Commands;
using Programme.Domain;
using Programme.Grains;
using Programme.Grains.Hosting;
using Programme.Grains.Storage;

namespace Programme.LoadTest;

/// <summary>
/// Durable enterprise changes per second through the silo's PostgreSQL grain storage (our batching provider, Storage/PostgresGrainStorage.cs), next to pgbench's single-row upserts
/// on the same server in the same run. A silo runs in this process (as the product sets one up) on an empty database;
/// workers report monthly progress, each change acknowledged only once stored. PostgreSQL's own row versions count the
/// writes, so "changes per write" is what coalescing saved. Workloads: uniform over the firms, then Zipf-skewed (s = 1.1).
/// </summary>
public static class DurableWrites
{
    public const string Name = "durable-writes";
    private static readonly ChangeContext Bench = new("load-test", "bench");
    /// <summary>Every change reports a new amount, so none is an idempotent repeat, across workloads too.</summary>
    private static long _amount;

    private sealed record Options(string ConnectionString, int Seconds, int Firms, int Concurrency, string PgBench);

    private sealed record Outcome(string Workload, int Changes, long Writes, double Seconds, double P50, double P99, int Hottest, long HottestWrites, string Batches = "")
    {
        public double ChangesPerSecond => Changes / Seconds;
    }

    public static async Task<int> Run(string[] args)
    {
        var config = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
        var o = new Options(
            config.GetConnectionString("Orleans") ?? throw new ArgumentException("--ConnectionStrings:Orleans is required"),
            Math.Clamp(config.GetValue("seconds", 10), 1, 120),
            Math.Clamp(config.GetValue("firms", 1000), 1, 100_000),
            Math.Clamp(config.GetValue("concurrency", 64), 1, 1024),
            config["pgbench"] ?? "pgbench");

        await new SchemaMigrator(o.ConnectionString).MigrateAsync();
        using var host = await StartSilo(o.ConnectionString, config["Storage:Writers"]);
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var firms = await Seed(grains, o.Firms);

        var storage = host.Services.GetRequiredKeyedService<Orleans.Storage.IGrainStorage>(StorageNames.Programme) as PostgresGrainStorage;
        var uniform = await Batched(storage, () => Measure("uniform", grains, o, firms, rng => rng.Next(firms.Length)));
        var zipf = Zipf(firms.Length, 1.1);
        var skewed = await Batched(storage, () => Measure("skewed (Zipf 1.1)", grains, o, firms, rng => Pick(zipf, rng.NextDouble())));
        var payload = await Scalar<decimal>(o.ConnectionString, "select avg(length(payload)) from grain_state where state_name = 'enterprise'");
        var before = storage?.Stored;
        var provider = await ProviderOnly(host.Services, o, firms);
        var providerBatches = Describe(before, storage?.Stored);
        await host.StopAsync();

        var pgbench = await PgBench(o, (int)payload);
        Console.WriteLine();
        Console.WriteLine($"| workload | changes/s acknowledged | writes/s | changes per write | p50 ms | p99 ms | hottest firm: changes/s in writes/s | vs pgbench |");
        Console.WriteLine($"|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in new[] { uniform, skewed })
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Workload} | {r.ChangesPerSecond:0} | {r.Writes / r.Seconds:0} | {(double)r.Changes / Math.Max(1, r.Writes):0.00} | {r.P50:0.0} | {r.P99:0.0} | {r.Hottest / r.Seconds:0} in {r.HottestWrites / r.Seconds:0} | {r.ChangesPerSecond / pgbench:P0} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| provider alone: WriteStateAsync of the firms' stored states, no grain | {provider:0} | {provider:0} | | | | | {provider / pgbench:P0} |"));
        Console.WriteLine();
        foreach (var (workload, batches) in new[] { (uniform.Workload, uniform.Batches), (skewed.Workload, skewed.Batches), ("provider alone", providerBatches) })
            if (batches.Length > 0) Console.WriteLine($"{workload}: {batches}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| pgbench: one-row upsert of {payload:0}-byte payloads, {o.Concurrency} clients, {o.Seconds} s | {pgbench:0} tps | | | | | | 100 % |"));
        Console.WriteLine($"({o.Firms} firms, {o.Concurrency} concurrent callers, {o.Seconds} s per workload, {Environment.ProcessorCount} cores)");
        return 0;
    }

    private static async Task<IHost> StartSilo(string connectionString, string? writers)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Orleans"] = connectionString,
            ["Orleans:ClusterId"] = "load-test",
            ["Orleans:SiloPort"] = $"{FreePort()}",
            ["Orleans:GatewayPort"] = $"{FreePort()}",
            ["Programme:Data"] = "empty",
            ["Storage:Writers"] = writers,   // our PostgreSQL provider's concurrent batch statements (--Storage:Writers N); unset: its default
        }).Build();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo => silo.AddProgramme(configuration));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static async Task<string[]> Seed(IGrainFactory grains, int count)
    {
        var firms = Enumerable.Range(0, count).Select(i => $"bench-{i:00000}").ToArray();
        await Parallel.ForEachAsync(firms, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (id, _) =>
        {
            var g = grains.GetGrain<IEnterpriseGrain>(id);
            var county = CountyCatalogue.All[id.GetHashCode() & 7].Id;
            await g.Upsert(new UpsertEnterprise($"压测企业{id}", county, "equipment", true, "active"), Bench);
            await g.AddProject(new AddProject("技术改造", "technical", 100_000_000_000m, 1_000_000_000m, "2022-01", "2024-12", "underway"), Bench);
        });
        return firms;
    }

    private static async Task<Outcome> Measure(string workload, IGrainFactory grains, Options o, string[] firms, Func<Random, int> pick)
    {
        var writesBefore = await Scalar<long>(o.ConnectionString, "select coalesce(sum(version), 0) from grain_state where state_name = 'enterprise'");
        var versionsBefore = await Versions(o.ConnectionString);
        var perFirm = new int[firms.Length];
        var latencies = new List<double>[o.Concurrency];
        var clock = Stopwatch.StartNew();
        var deadline = TimeSpan.FromSeconds(o.Seconds);
        await Task.WhenAll(Enumerable.Range(0, o.Concurrency).Select(w => Task.Run(async () =>
        {
            var rng = new Random(w * 7919 + workload.Length);
            var mine = latencies[w] = [];
            while (clock.Elapsed < deadline)
            {
                var firm = pick(rng);
                var month = $"2022-0{1 + rng.Next(8)}";
                var started = clock.Elapsed;
                var r = await grains.GetGrain<IEnterpriseGrain>(firms[firm])
                    .ReportProgress(new ReportProgress("p1", month, Interlocked.Increment(ref _amount)), Bench);
                if (r.Outcome != CommandOutcome.Accepted) throw new InvalidOperationException($"{firms[firm]}: {r.Outcome}");
                mine.Add((clock.Elapsed - started).TotalMilliseconds);
                Interlocked.Increment(ref perFirm[firm]);
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        var writes = await Scalar<long>(o.ConnectionString, "select coalesce(sum(version), 0) from grain_state where state_name = 'enterprise'") - writesBefore;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        var hottest = Array.IndexOf(perFirm, perFirm.Max());
        var hottestWrites = (await Versions(o.ConnectionString))[firms[hottest]] - versionsBefore[firms[hottest]];
        return new Outcome(workload, all.Length, writes, seconds, all[all.Length / 2], all[(int)(all.Length * 0.99)], perFirm[hottest], hottestWrites);
    }

    /// <summary>Runs a workload and says how our provider's batches went meanwhile (nothing for another provider).</summary>
    private static async Task<Outcome> Batched(PostgresGrainStorage? storage, Func<Task<Outcome>> workload)
    {
        var before = storage?.Stored;
        var outcome = await workload();
        return outcome with { Batches = Describe(before, storage?.Stored) };
    }

    private static string Describe((long Batches, long Rows, TimeSpan Storing)? before, (long Batches, long Rows, TimeSpan Storing)? after)
    {
        if (before is not { } b || after is not { } a || a.Batches == b.Batches) return "";
        var batches = a.Batches - b.Batches;
        return string.Create(CultureInfo.InvariantCulture,
            $"{batches} batch statements, {(double)(a.Rows - b.Rows) / batches:0.0} writes each, {(a.Storing - b.Storing).TotalMilliseconds / batches:0.00} ms each from sending to commit");
    }

    /// <summary>
    /// The same writes without the grain: the silo's own PostgreSQL storage provider writing each firm's stored state back
    /// (read once, then written with its ETag) from as many concurrent callers, separating the provider's cost from ours.
    /// </summary>
    private static async Task<double> ProviderOnly(IServiceProvider services, Options o, string[] firms)
    {
        var storage = services.GetRequiredKeyedService<Orleans.Storage.IGrainStorage>(StorageNames.Programme);
        var states = new Orleans.GrainState<Programme.Grains.Enterprises.EnterpriseState>[firms.Length];
        var ids = firms.Select(f => GrainId.Create("provider-only", f)).ToArray();
        for (var i = 0; i < firms.Length; i++)
        {
            var stored = new Orleans.GrainState<Programme.Grains.Enterprises.EnterpriseState>();
            await storage.ReadStateAsync("enterprise", GrainId.Create("enterprise", firms[i]), stored);
            states[i] = new Orleans.GrainState<Programme.Grains.Enterprises.EnterpriseState>(stored.State);
        }
        var gates = firms.Select(_ => new SemaphoreSlim(1, 1)).ToArray();
        var writes = 0;
        var clock = Stopwatch.StartNew();
        var deadline = TimeSpan.FromSeconds(o.Seconds);
        await Task.WhenAll(Enumerable.Range(0, o.Concurrency).Select(w => Task.Run(async () =>
        {
            var rng = new Random(w);
            while (clock.Elapsed < deadline)
            {
                var i = rng.Next(firms.Length);
                await gates[i].WaitAsync();
                try
                {
                    await storage.WriteStateAsync("provider-only", ids[i], states[i]);
                }
                finally
                {
                    gates[i].Release();
                }
                Interlocked.Increment(ref writes);
            }
        })));
        return writes / clock.Elapsed.TotalSeconds;
    }

    /// <summary>pgbench on the same server: each transaction upserts one random row of as many rows as firms, with a payload as big as the firms' average state.</summary>
    private static async Task<double> PgBench(Options o, int payloadBytes)
    {
        var db = new NpgsqlConnectionStringBuilder(o.ConnectionString);
        await Execute(o.ConnectionString, $"""
            drop table if exists bench_upsert;
            create table bench_upsert (id integer primary key, payload bytea not null, version integer not null);
            insert into bench_upsert select i, convert_to(repeat('x', {payloadBytes}), 'UTF8'), 1 from generate_series(1, {o.Firms}) i;
            """);
        var script = Path.Combine(Path.GetTempPath(), $"bench-upsert-{Environment.ProcessId}.sql");
        await File.WriteAllTextAsync(script, $"""
            \set id random(1, {o.Firms})
            insert into bench_upsert (id, payload, version) values (:id, convert_to(repeat('y', {payloadBytes}), 'UTF8'), 1)
              on conflict (id) do update set payload = excluded.payload, version = bench_upsert.version + 1;
            """);
        try
        {
            var info = new ProcessStartInfo(o.PgBench) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "-n", "-c", $"{o.Concurrency}", "-j", $"{Math.Min(o.Concurrency, Environment.ProcessorCount)}", "-T", $"{o.Seconds}",
                         "-f", script, "-h", db.Host!, "-p", $"{db.Port}", "-U", db.Username!, db.Database! })
                info.ArgumentList.Add(a);
            info.Environment["PGPASSWORD"] = db.Password;
            using var process = Process.Start(info)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("tps = ", StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"pgbench gave no tps:\n{output}\n{errors}");
            return double.Parse(line["tps = ".Length..].Split(' ')[0], CultureInfo.InvariantCulture);
        }
        finally
        {
            File.Delete(script);
            await Execute(o.ConnectionString, "drop table if exists bench_upsert");
        }
    }

    /// <summary>How often each firm has been stored so far (our schema bumps a row's version on every write).</summary>
    private static async Task<Dictionary<string, long>> Versions(string connectionString)
    {
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand("select key_text, version from grain_state where state_name = 'enterprise'", c);
        await using var reader = await cmd.ExecuteReaderAsync();
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync()) versions[reader.GetString(0)] = reader.GetInt32(1);
        return versions;
    }

    private static double[] Zipf(int n, double s)
    {
        var weights = Enumerable.Range(1, n).Select(k => 1 / Math.Pow(k, s)).ToArray();
        var total = weights.Sum();
        var cumulative = new double[n];
        var run = 0.0;
        for (var i = 0; i < n; i++) cumulative[i] = run += weights[i] / total;
        return cumulative;
    }

    private static int Pick(double[] cumulative, double u)
    {
        var i = Array.BinarySearch(cumulative, u);
        return Math.Min(i < 0 ? ~i : i, cumulative.Length - 1);
    }

    private static async Task<T> Scalar<T>(string connectionString, string sql)
    {
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        return (T)Convert.ChangeType((await cmd.ExecuteScalarAsync())!, typeof(T), CultureInfo.InvariantCulture);
    }

    private static async Task Execute(string connectionString, string sql)
    {
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        await cmd.ExecuteNonQueryAsync();
    }

    private static int FreePort()
    {
        using var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        return ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
    }
}
