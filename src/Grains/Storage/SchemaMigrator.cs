using Npgsql;

namespace Programme.Grains.Storage;

/// <summary>
/// Brings a PostgreSQL database to this build's schema: applies each embedded <see cref="Migration"/> not yet applied,
/// in order, each in one transaction with its row in <c>schema_migration</c>. Concurrent runs wait for each other
/// (an advisory lock), so starting two at once is safe; a second run finds nothing to do and changes nothing.
/// </summary>
public sealed class SchemaMigrator(string connectionString)
{
    // Any constant shared by every migrator of this product; it only has to differ from other users of advisory locks.
    private const long LockKey = 0x3E5F_A1C0_0007;

    private const string CreateHistory = """
        create table if not exists schema_migration (
            version    integer     primary key,
            name       text        not null,
            checksum   text        not null,
            applied_at timestamptz not null default now()
        )
        """;

    public sealed record Result(IReadOnlyList<Migration> Applied, int Version);

    public async Task<Result> MigrateAsync(Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await Execute(connection, null, "select pg_advisory_lock(@key)", cancellationToken, ("key", LockKey));
        try
        {
            await Execute(connection, null, CreateHistory, cancellationToken);
            var recorded = await Recorded(connection, cancellationToken);
            Verify(recorded);
            var applied = new List<Migration>();
            foreach (var migration in Migration.All)
            {
                if (recorded.ContainsKey(migration.Version)) continue;
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await Execute(connection, transaction, migration.Sql, cancellationToken);
                await Execute(connection, transaction, "insert into schema_migration (version, name, checksum) values (@version, @name, @checksum)",
                    cancellationToken, ("version", migration.Version), ("name", migration.Name), ("checksum", migration.Checksum));
                await transaction.CommitAsync(cancellationToken);
                applied.Add(migration);
                log?.Invoke($"applied {migration.Name}");
            }
            return new Result(applied, Math.Max(Migration.Latest, recorded.Count == 0 ? 0 : recorded.Keys.Max()));
        }
        finally
        {
            await Execute(connection, null, "select pg_advisory_unlock(@key)", CancellationToken.None, ("key", LockKey));
        }
    }

    /// <summary>The newest migration applied to the database, 0 for a database never migrated.</summary>
    public async Task<int> CurrentVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("select to_regclass('schema_migration') is not null", connection);
        if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!) return 0;
        await using var max = new NpgsqlCommand("select coalesce(max(version), 0) from schema_migration", connection);
        return (int)(await max.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Refuses to run on a database this build's migrations have not reached: services never change the schema as a side
    /// effect of starting. A newer schema is fine (migrations stay compatible with the previous release for rolling upgrades).
    /// </summary>
    public async Task EnsureCurrentAsync(CancellationToken cancellationToken = default)
    {
        int current;
        try
        {
            current = await CurrentVersionAsync(cancellationToken);
        }
        catch (NpgsqlException ex)
        {
            throw new InvalidOperationException($"Cannot reach PostgreSQL at ConnectionStrings:Orleans ({Describe(connectionString)}): {ex.Message}", ex);
        }
        if (current < Migration.Latest)
            throw new InvalidOperationException(
                $"The database {Describe(connectionString)} has schema version {current}; this build needs {Migration.Latest}. " +
                "Apply the migrations first: dotnet run --project src/Silo -- migrate (docs/OPERATIONS.md).");
    }

    /// <summary>Host, port and database of a connection string, without its credentials, for messages.</summary>
    public static string Describe(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{b.Host}:{b.Port}/{b.Database ?? b.Username}";
    }

    private static void Verify(Dictionary<int, (string Name, string Checksum)> recorded)
    {
        foreach (var (version, (name, checksum)) in recorded)
        {
            if (version > Migration.Latest) continue; // applied by a newer build: not ours to judge
            var ours = Migration.All[version - 1];
            if (ours.Checksum != checksum)
                throw new InvalidOperationException(
                    $"Migration {ours.Name} differs from the one applied to this database as {name}: applied migrations must never be edited; add a new one instead.");
        }
    }

    private static async Task<Dictionary<int, (string, string)>> Recorded(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var recorded = new Dictionary<int, (string, string)>();
        await using var command = new NpgsqlCommand("select version, name, checksum from schema_migration", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) recorded[reader.GetInt32(0)] = (reader.GetString(1), reader.GetString(2));
        return recorded;
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql,
        CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
