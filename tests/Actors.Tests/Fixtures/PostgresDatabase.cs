using Npgsql;
using Programme.Grains.Storage;

namespace Programme.Tests.Fixtures;

/// <summary>
/// A database of its own on the test PostgreSQL server (./test.sh starts one and exports TEST_PG_CONNECTION), dropped
/// when disposed. Migrated with the product's own migrations unless asked not to.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private PostgresDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }
    public string ConnectionString { get; }

    public static string Server => Environment.GetEnvironmentVariable("TEST_PG_CONNECTION") is { Length: > 0 } s ? s
        : throw new InvalidOperationException(
            "TEST_PG_CONNECTION is not set. Run ./test.sh, or start the test server yourself: source scripts/test-deps.sh && ensure_postgres");

    /// <summary>Where pg_dump and pgbench live (scripts/test-deps.sh exports it).</summary>
    public static string BinDirectory => Environment.GetEnvironmentVariable("TEST_PG_BIN") ?? "/usr/lib/postgresql/15/bin";

    public static async Task<PostgresDatabase> Create(string label, bool migrate = true)
    {
        var name = $"t_{label}_{Guid.NewGuid():N}".ToLowerInvariant();
        if (name.Length > 60) name = name[..60];
        await using (var server = new NpgsqlConnection(Server))
        {
            await server.OpenAsync();
            await using var create = new NpgsqlCommand($"create database \"{name}\"", server);
            await create.ExecuteNonQueryAsync();
        }
        var db = new PostgresDatabase(name, new NpgsqlConnectionStringBuilder(Server) { Database = name }.ConnectionString);
        if (migrate) await new SchemaMigrator(db.ConnectionString).MigrateAsync();
        return db;
    }

    public async Task<T> Scalar<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Every row of a query, each as one string, in the order the query gives.</summary>
    public async Task<List<string>> Rows(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            rows.Add(string.Join(" | ", values.Select(v => v is byte[] b ? Convert.ToHexString(b) : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))));
        }
        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var server = new NpgsqlConnection(Server);
        await server.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop database if exists \"{Name}\" with (force)", server);
        await drop.ExecuteNonQueryAsync();
    }
}
