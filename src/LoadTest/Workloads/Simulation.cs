using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Programme.LoadTest.Workloads;

/// <summary>simulation: starts a synthetic scenario of N firms over M months (POST /api/scenarios) and reports enterprise-months per second.</summary>
public static class Simulation
{
    public static async Task<Result> Run(Options o, TextWriter progress)
    {
        var n = o.Int("n", 100_000);
        var months = o.Int("months", 36);
        var recorder = new Recorder("simulation", progress);
        using var http = new HttpClient { BaseAddress = o.Url, Timeout = TimeSpan.FromSeconds(60) };
        // Starting a scenario is a write (CONTRACT.md): it needs a city or county token.
        var key = o.Text("signing-key", "");
        http.DefaultRequestHeaders.Authorization = new("Bearer", Programme.Web.Hosting.TokenIssuer.Issue(
            new Programme.Web.Hosting.AuthSettings { SigningKey = key.Length == 0 ? null : key }, "city", null, "load-test-simulation", TimeSpan.FromHours(2)));
        var body = new { baseline = "sanmenxia-2022", seed = o.Int("seed", 42), startMonth = o.Text("start", "2022-01"), months, runs = o.Int("runs", 1), enterprises = n, policy = new { } };
        var clock = Stopwatch.StartNew();
        var created = await http.PostAsJsonAsync("/api/scenarios", body);
        if (!created.IsSuccessStatusCode) throw new LoadError($"POST /api/scenarios: HTTP {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var deadline = o.Duration(Options.MaxSeconds);
        JsonElement status;
        while (true)
        {
            status = await http.GetFromJsonAsync<JsonElement>($"/api/scenarios/{id}");
            var state = status.GetProperty("status").GetString();
            if (state is "completed" or "failed") break;
            if (clock.Elapsed > deadline) throw new LoadError("scenario did not finish in time");
            var done = status.TryGetProperty("progress", out var p) ? p.ToString() : "?";
            progress.WriteLine($"[simulation] {clock.Elapsed.TotalSeconds,6:0.0}s  {state}  progress {done}");
            await Task.Delay(500);
        }
        var elapsed = clock.Elapsed;
        if (status.GetProperty("status").GetString() == "failed") recorder.Error("scenario failed");
        else recorder.Ok(elapsed);
        var enterpriseMonths = (double)n * months * o.Int("runs", 1);
        return recorder.Finish(new Dictionary<string, object>
        {
            ["scenario"] = id ?? "", ["enterprises"] = n, ["months"] = months,
            ["enterpriseMonthsPerSecond"] = Math.Round(enterpriseMonths / elapsed.TotalSeconds),
            ["note"] = "wall time from POST to completed, as a client sees it",
        });
    }
}
