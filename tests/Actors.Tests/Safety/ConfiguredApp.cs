using System.Diagnostics;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Safety;

/// <summary>The real app process with the identity settings and environment a test chooses (no test defaults added).</summary>
public sealed class ConfiguredApp(string environment, string[] identity, params string[] extra) : AppProcess, IAsyncDisposable
{
    protected override string EnvironmentName => environment;
    protected override IEnumerable<string> IdentityArguments => identity;
    protected override IEnumerable<string> ExtraArguments => extra;
    ValueTask IAsyncDisposable.DisposeAsync() => new(KillAsync());

    /// <summary>Runs the built web app with these arguments until it exits by itself (or 60 s pass): exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExit(string environment, params string[] args)
    {
        var project = Path.Combine(RepoRoot, "src", "WebClient");
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = project, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(project, "bin", BuildConfiguration, "net10.0", "WebClient.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        info.Environment.Remove("Auth__SigningKey");
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, "still running after 60 s: " + await stdout + await stderr);
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}
