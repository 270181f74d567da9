using System.Diagnostics;
using Npgsql;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Faults;

/// <summary>
/// The suite's PostgreSQL server itself (scripts/test-deps.sh exports where it lives and how it was started), for the
/// fault that takes it away: <c>pg_ctl stop -m immediate</c> (the server is killed: no checkpoint, clients cut off,
/// crash recovery on the next start), then <c>pg_ctl start</c> with the options it was started with.
/// Test classes run one after another (AssemblyInfo), so no other class is using the server meanwhile.
/// </summary>
public static class PostgresServer
{
    private static string Required(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v
        : throw new InvalidOperationException($"{name} is not set: run ./test.sh, or source scripts/test-deps.sh && ensure_postgres");

    private static string DataDirectory => Path.Combine(Required("TEST_PG_DATA"), "data");

    public static Task StopImmediately() => PgCtl("stop", "-m", "immediate", "-w");

    public static async Task Start()
    {
        await PgCtl("start", "-w", "-t", "60", "-l", Path.Combine(Required("TEST_PG_DATA"), "server.log"), "-o", Required("TEST_PG_OPTIONS"));
        // The test process's own pooled connections died with the server.
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>Starts the server if it is down (a test that failed between stop and start must not take the suite's server with it).</summary>
    public static async Task EnsureRunning()
    {
        try
        {
            await PgCtl("status");
        }
        catch (InvalidOperationException)
        {
            await Start();
        }
    }

    /// <summary>When the server process running now started (changes with every restart).</summary>
    public static async Task<DateTime> StartedAt()
    {
        await using var connection = new NpgsqlConnection(PostgresDatabase.Server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select pg_postmaster_start_time()", connection);
        return ((DateTime)(await command.ExecuteScalarAsync())!).ToUniversalTime();
    }

    private static async Task PgCtl(params string[] arguments)
    {
        var pgCtl = Path.Combine(PostgresDatabase.BinDirectory, "pg_ctl");
        // The server runs as the cluster's owner: root may not run it, so root goes through the postgres account (as test-deps.sh does).
        var root = Environment.UserName == "root";
        var info = new ProcessStartInfo(root ? "runuser" : pgCtl) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (root) foreach (var a in new[] { "-u", "postgres", "--", pgCtl }) info.ArgumentList.Add(a);
        foreach (var a in new[] { "-D", DataDirectory }.Concat(arguments)) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"pg_ctl {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await errors}");
    }
}
