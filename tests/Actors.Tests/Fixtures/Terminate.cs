using System.Diagnostics;

namespace Programme.Tests.Fixtures;

internal static class Terminate
{
    /// <summary>SIGTERM, as an operator's stop (Ctrl+C, systemd): the process shuts down cleanly, within a minute.</summary>
    public static async Task Gracefully(Process? process)
    {
        if (process is null || process.HasExited) return;
        using (var kill = Process.Start("kill", ["-TERM", $"{process.Id}"])) await kill.WaitForExitAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(cts.Token);
    }
}
