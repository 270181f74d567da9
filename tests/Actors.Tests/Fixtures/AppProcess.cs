using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Programme.Tests.Fixtures;

/// <summary>
/// The real product: src/WebClient's built app started as its own process on free loopback ports, as a person would
/// run it. It can be killed and started again on the same ports.
/// </summary>
public class AppProcess : IAsyncLifetime
{
    public const string SigningKey = "test-signing-key-0123456789-0123456789-abcdef";
    private Process? _process;
    private readonly StringBuilder _log = new();
    private readonly int _siloPort = FreePort();
    private readonly int _gatewayPort = FreePort();

    public int Port { get; } = FreePort();
    public int GatewayPort => _gatewayPort;
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");
    public string Log { get { lock (_log) return _log.ToString(); } }
    protected virtual IEnumerable<string> ExtraArguments => [];
    protected virtual string EnvironmentName => "Production";
    /// <summary>The tests sign in as the demo accounts: outside Development the app creates them only when asked.</summary>
    /// <summary>The product defaults to a SQLite file beside the app; tests keep state in memory unless they say otherwise.</summary>
    protected virtual IEnumerable<string> StorageArguments => ["--Storage:Provider", "Memory"];
    protected virtual IEnumerable<string> IdentityArguments => ["--Auth:SigningKey", SigningKey, "--Auth:DemoAccounts", "true"];

    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Actors.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Actors.sln not found above the test binaries");
        }
    }

    public static string BuildConfiguration => AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";

    public static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public Task InitializeAsync() => StartAsync();

    public async Task StartAsync()
    {
        var project = Path.Combine(RepoRoot, "src", "WebClient");
        var dll = Path.Combine(project, "bin", BuildConfiguration, "net10.0", "WebClient.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { dll, "--urls", BaseAddress.ToString().TrimEnd('/'), "--Orleans:SiloPort", $"{_siloPort}",
                     "--Orleans:GatewayPort", $"{_gatewayPort}", "--Orleans:PrimarySiloPort", $"{_siloPort}" }
                     .Concat(StorageArguments).Concat(IdentityArguments).Concat(ExtraArguments))
            info.ArgumentList.Add(a);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = EnvironmentName;
        _process = Process.Start(info) ?? throw new InvalidOperationException("could not start the web app");
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync();   // the output's read events can lag the exit (see SiloProcess)
                throw new InvalidOperationException($"the web app exited:\n{Log}");
            }
            try
            {
                if ((await http.GetAsync("/readyz")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"the web app was not ready in 90 s:\n{Log}");
    }

    public async Task KillAsync()
    {
        if (_process is null || _process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as an operator's stop: the app leaves the cluster and its silo deactivates its grains.</summary>
    public Task StopAsync() => Terminate.Gracefully(_process);

    public HttpClient Http(string? token = null)
    {
        var http = new HttpClient { BaseAddress = BaseAddress };
        if (token is not null) http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    public static string Token(string role, string? county = null, string? name = null, TimeSpan? lifetime = null) =>
        Programme.Web.Hosting.TokenIssuer.Issue(new Programme.Web.Hosting.AuthSettings { SigningKey = SigningKey }, role, county,
            name ?? (county is null ? role : $"{county}-agent"), lifetime ?? TimeSpan.FromHours(1));

    public Task DisposeAsync() => KillAsync();
}
