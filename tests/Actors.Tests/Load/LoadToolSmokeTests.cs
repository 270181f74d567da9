using System.Text.Json;
using Programme.LoadTest;
using Programme.LoadTest.Workloads;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Load;

/// <summary>An empty programme without write rate limits, as load tests run it.</summary>
public sealed class LoadTargetApp : AppProcess
{
    protected override IEnumerable<string> ExtraArguments => ["--Programme:Data", "empty", "--Auth:WritesPerSecond", "1000000"];
}

/// <summary>Each load workload, small and short, so the tool keeps working (the figures themselves live in BENCHMARKS.md).</summary>
public sealed class LoadToolSmokeTests(LoadTargetApp app) : IClassFixture<LoadTargetApp>
{
    private async Task<Result> Run(params string[] args)
    {
        var output = new StringWriter();
        var json = Path.GetTempFileName();
        var all = args.Concat(["--gateway", $"{app.GatewayPort}", "--url", app.BaseAddress.ToString().TrimEnd('/'), "--signing-key", AppProcess.SigningKey, "--out", json]).ToArray();
        var code = await LoadTestProgram.Run(all, output, TextWriter.Null);
        Assert.True(code == 0, $"{args[0]} exited {code}: {output}");
        var result = JsonSerializer.Deserialize<Result>(await File.ReadAllTextAsync(json), Result.Json)!;
        Assert.True(result.Operations > 0, output.ToString());
        Assert.Equal(0, result.Errors);
        Assert.True(result.P99Ms >= result.P50Ms);
        return result;
    }

    [Fact]
    public async Task Every_workload_runs_and_reports()
    {
        var populate = await Run("populate", "--n", "400", "--concurrency", "16");
        Assert.Equal(400, populate.Operations);
        await Eventually.Holds(async () =>
            JsonDocument.Parse(await app.Http().GetStringAsync("/api/board/city")).RootElement.GetProperty("enterprises").GetProperty("total").GetInt32() == 400,
            TimeSpan.FromSeconds(5), "the 400 firms on the city board");

        await Run("updates", "--firms", "400", "--rate", "300", "--duration", "2");
        var expected = Path.GetTempFileName();
        // With a warm-up: its changes are not in the recorded window (which is 2 s, not 3) but are in the check.
        var rest = await Run("updates", "--firms", "400", "--via", "rest", "--closed", "--concurrency", "8", "--duration", "2", "--hot-county", "lingbao", "--skew", "0.5",
            "--check", "--check-out", expected, "--warmup", "1");
        Assert.StartsWith("ok:", rest.Extra["check"].ToString());
        Assert.Matches(@"^1\.\d s not recorded: [1-9]\d* ok", rest.Extra["warmup"].ToString());
        Assert.InRange(rest.Seconds, 2.0, 2.9);
        Assert.StartsWith("ok:", (await Run("check", "--expect", expected)).Extra["check"].ToString());
        // The check catches an acknowledged change the firm does not hold: claim one more on the first firm's amount.
        var claims = JsonSerializer.Deserialize<List<FirmExpectation>>(await File.ReadAllTextAsync(expected))!;
        claims[0] = claims[0] with { AmountMin = claims[0].AmountMax + 1, AmountMax = claims[0].AmountMax + 1 };
        await File.WriteAllTextAsync(expected, JsonSerializer.Serialize(claims));
        var output = new StringWriter();
        Assert.Equal(3, await LoadTestProgram.Run(["check", "--expect", expected, "--gateway", $"{app.GatewayPort}"], output, TextWriter.Null));
        Assert.Contains("FAILED: 1 of", output.ToString());
        var watchers = await Run("watchers", "--k", "8", "--firms", "200", "--rate", "200", "--duration", "2");
        Assert.True(watchers.P99Ms < 5_000);
        await Run("simulation", "--n", "2000", "--months", "6");
        await Run("baseline-ping", "--duration", "1", "--concurrency", "8");
        var kestrel = await Run("baseline-kestrel", "--duration", "1", "--concurrency", "8", "--warmup", "1");
        Assert.Matches(@"^1\.\d s not recorded: [1-9]\d* ok", kestrel.Extra["warmup"].ToString());
        Assert.InRange(kestrel.Seconds, 1.0, 1.9);
        await Run("baseline-signalr", "--k", "8", "--rate", "500", "--duration", "1");
    }

    [Fact]
    public async Task It_refuses_targets_beyond_this_machine_and_explains_itself()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        Assert.Equal(2, await LoadTestProgram.Run(["updates", "--via", "rest", "--url", "http://10.1.2.3:5080", "--duration", "1"], output, error));
        Assert.Contains("loopback", error.ToString());
        Assert.Equal(0, await LoadTestProgram.Run(["--help"], output, error));
        Assert.Contains("watchers", output.ToString());
    }
}
