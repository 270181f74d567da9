using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Programme.Grains.Storage;

/// <summary>Where grain state lives (Storage:Provider).</summary>
public enum StorageProvider { Memory, Sqlite, Postgres }

/// <summary>
/// <c>Storage:Provider</c> = <c>Sqlite</c> (the web app's default, set in its appsettings.json: one embedded file at
/// <c>Storage:SqlitePath</c>, default <c>data/programme.db</c> beside the app; every change survives a restart),
/// <c>Memory</c> (nothing survives the process: tests, benchmarks, and what an unconfigured test cluster gets) or
/// <c>Postgres</c> (grain state, cluster membership and reminders in PostgreSQL at <c>ConnectionStrings:Orleans</c>, for clusters).
/// <c>Storage:Reset=true</c> deletes the SQLite file at start, so the default data loads afresh.
/// </summary>
public sealed record StorageSettings(bool IsPostgres, string? ConnectionString)
{
    public const string Invariant = "Npgsql";

    public StorageProvider Provider { get; init; } = IsPostgres ? StorageProvider.Postgres : StorageProvider.Memory;
    public string? SqlitePath { get; init; }
    public bool Reset { get; init; }
    public bool IsSqlite => Provider == StorageProvider.Sqlite;

    /// <summary>The default SQLite file: a "data" folder beside the app's binaries.</summary>
    public static string DefaultSqlitePath => Path.Combine(AppContext.BaseDirectory, "data", "programme.db");

    public static StorageSettings From(IConfiguration configuration)
    {
        var provider = configuration["Storage:Provider"];
        var connectionString = configuration.GetConnectionString("Orleans");
        if (string.IsNullOrWhiteSpace(provider) || provider.Equals("Memory", StringComparison.OrdinalIgnoreCase))
            return new StorageSettings(false, null);
        if (provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            var path = configuration["Storage:SqlitePath"];
            return new StorageSettings(false, null)
            {
                Provider = StorageProvider.Sqlite,
                SqlitePath = Path.GetFullPath(string.IsNullOrWhiteSpace(path) ? DefaultSqlitePath : path),
                Reset = configuration.GetValue<bool>("Storage:Reset"),
            };
        }
        if (!provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Storage:Provider '{provider}' is not known: use Sqlite (one embedded file), Memory or Postgres.");
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException(
                "Storage:Provider=Postgres needs ConnectionStrings:Orleans, e.g. \"Host=127.0.0.1;Port=5432;Username=orleans;Password=…;Database=programme\" (env: ConnectionStrings__Orleans).");
        return new StorageSettings(true, Tuned(connectionString));
    }

    /// <summary>
    /// The providers run the same few statements over and over: let Npgsql prepare them once per connection, and skip the
    /// session reset on returning a connection to the pool (the statements set no session state). Values the operator
    /// put in the connection string win.
    /// </summary>
    public static string Tuned(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        var given = connectionString.ToLowerInvariant();
        if (!given.Contains("auto prepare")) b.MaxAutoPrepare = 32;
        if (!given.Contains("reset on close")) b.NoResetOnClose = true;
        return b.ConnectionString;
    }

    public string RequiredConnectionString =>
        ConnectionString ?? throw new InvalidOperationException("ConnectionStrings:Orleans is not set.");

    public string RequiredSqlitePath => SqlitePath ?? throw new InvalidOperationException("Storage:Provider is not Sqlite.");
}
