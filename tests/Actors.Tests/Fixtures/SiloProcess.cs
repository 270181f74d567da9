using System.Diagnostics;
using System.Text;

namespace Programme.Tests.Fixtures;

/// <summary>
/// A real src/Silo process with PostgreSQL storage and clustering, on loopback ports it keeps across restarts, so it can
/// be killed (SIGKILL, nothing flushed) and started again at the same address.
/// Failure detection is tuned down from production's defaults so a test sees a dead silo declared within seconds.
/// </summary>
public sealed class SiloProcess(string connectionString, string data = "empty", params string[] extra) : IAsyncDisposable
{
    public static readonly string[] FastFailureDetection =
    [
        "--Orleans:Membership:ProbeTimeout", "00:00:01", "--Orleans:Membership:NumMissedProbesLimit", "2",
        "--Orleans:Membership:IAmAliveTablePublishTimeout", "00:00:05", "--Orleans:Membership:TableRefreshTimeout", "00:00:02",
    ];

    private Process? _process;
    private readonly StringBuilder _log = new();

    public int HttpPort { get; } = AppProcess.FreePort();
    public int SiloPort { get; } = AppProcess.FreePort();
    public int GatewayPort { get; } = AppProcess.FreePort();
    public string Log { get { lock (_log) return _log.ToString(); } }
    /// <summary>Start with the product's own failure detection (SiloSetup's defaults) instead of the tests' faster one.</summary>
    public bool ProductFailureDetection { get; init; }
    public bool Running => _process is { HasExited: false };

    public async Task StartAsync()
    {
        var dll = Path.Combine(AppProcess.RepoRoot, "src", "Silo", "bin", AppProcess.BuildConfiguration, "net10.0", "Silo.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[]
                 {
                     dll, "--urls", $"http://127.0.0.1:{HttpPort}", "--Storage:Provider", "Postgres", "--ConnectionStrings:Orleans", connectionString,
                     "--Orleans:SiloPort", $"{SiloPort}", "--Orleans:GatewayPort", $"{GatewayPort}", "--Programme:Data", data,
                 }.Concat(ProductFailureDetection ? [] : FastFailureDetection).Concat(extra))
            info.ArgumentList.Add(a);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        lock (_log) _log.AppendLine($"--- start {DateTime.UtcNow:O}");
        _process = Process.Start(info) ?? throw new InvalidOperationException("could not start the silo");
        var process = _process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // The web host answers only after the silo has joined the cluster and the dataset is loaded.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited)
            {
                // The output arrives through asynchronous read events that can lag the exit: wait for both streams' end
                // so the log holds the silo's last words (a refused start says why on its way out).
                await process.WaitForExitAsync();
                throw new InvalidOperationException($"the silo exited with {process.ExitCode}:\n{Log}");
            }
            try
            {
                if ((await http.GetAsync($"http://127.0.0.1:{HttpPort}/healthz")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException($"the silo did not start in 90 s:\n{Log}");
    }

    /// <summary>SIGKILL: the process gets no chance to flush, deactivate or leave the cluster.</summary>
    public async Task KillAsync()
    {
        if (_process is null || _process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        lock (_log) _log.AppendLine($"--- killed {DateTime.UtcNow:O}");
    }


    /// <summary>Runs the product's migration step exactly as an operator would, returning its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> Migrate(string connectionString)
    {
        var dll = Path.Combine(AppProcess.RepoRoot, "src", "Silo", "bin", AppProcess.BuildConfiguration, "net10.0", "Silo.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { dll, "migrate", "--ConnectionStrings:Orleans", connectionString }) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    public ValueTask DisposeAsync() => new(KillAsync());
}
