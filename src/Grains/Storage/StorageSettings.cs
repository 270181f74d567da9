using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Programme.Grains.Storage;

/// <summary>
/// <c>Storage:Provider</c> = <c>Memory</c> (the zero-setup default: nothing survives the process) or <c>Postgres</c>
/// (grain state, cluster membership and reminders in PostgreSQL at <c>ConnectionStrings:Orleans</c>).
/// </summary>
public sealed record StorageSettings(bool IsPostgres, string? ConnectionString)
{
    public const string Invariant = "Npgsql";

    public static StorageSettings From(IConfiguration configuration)
    {
        var provider = configuration["Storage:Provider"];
        var connectionString = configuration.GetConnectionString("Orleans");
        if (string.IsNullOrWhiteSpace(provider) || provider.Equals("Memory", StringComparison.OrdinalIgnoreCase))
            return new StorageSettings(false, null);
        if (!provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Storage:Provider '{provider}' is not known: use Memory or Postgres.");
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
}
