using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;
using Orleans.Storage;

namespace Programme.Grains.Storage;

/// <summary>
/// Grain state in one embedded SQLite file (Storage:Provider=Sqlite, the one-process product's default), on
/// Microsoft.Data.Sqlite. Orleans's ADO.NET persistence ships no SQLite scripts and knows only System.Data.SQLite, so
/// this is our own small provider with our own migrations (Storage/SqliteMigrations), applied at start. The file is
/// in WAL mode with synchronous=FULL: a write is acknowledged to the grain only once it is on disk, so a process killed
/// at any moment (or a power cut) loses nothing acknowledged. One writer at a time (SQLite has one), readers in parallel.
/// State is stored with Orleans's own serializer, exactly as in PostgreSQL (fields by [Id], types by [Alias]).
/// </summary>
public sealed class SqliteGrainStorage(string path, Serializer serializer, TimeProvider clock) : IGrainStorage
{
    private readonly string _connectionString = ConnectionString(path);
    private readonly SemaphoreSlim _writer = new(1, 1);

    public static string ConnectionString(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Cache = SqliteCacheMode.Private, Pooling = true, DefaultTimeout = 30,
    }.ToString();

    /// <summary>Opens a pooled connection with the durability settings of every statement we run.</summary>
    internal static async Task<SqliteConnection> Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "pragma journal_mode = wal; pragma synchronous = full; pragma busy_timeout = 30000;";
        await pragma.ExecuteNonQueryAsync();
        return connection;
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var connection = await Open(_connectionString);
        await using var read = connection.CreateCommand();
        read.CommandText = "select version, payload from grain_state where state_name = $state and grain_id = $grain";
        read.Parameters.AddWithValue("$state", stateName);
        read.Parameters.AddWithValue("$grain", grainId.ToString());
        await using var row = await read.ExecuteReaderAsync();
        if (!await row.ReadAsync()) return;
        grainState.State = serializer.Deserialize<T>((byte[])row["payload"]);
        grainState.ETag = row.GetInt64(0).ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = serializer.SerializeToArray(grainState.State);
        var expected = grainState.ETag is null ? (long?)null : long.Parse(grainState.ETag, CultureInfo.InvariantCulture);
        await _writer.WaitAsync();
        try
        {
            await using var connection = await Open(_connectionString);
            await using var write = connection.CreateCommand();
            write.CommandText = expected is null
                ? "insert into grain_state (state_name, grain_id, version, payload, written_at) values ($state, $grain, 1, $payload, $at) on conflict do nothing"
                : "update grain_state set version = version + 1, payload = $payload, written_at = $at where state_name = $state and grain_id = $grain and version = $expected";
            write.Parameters.AddWithValue("$state", stateName);
            write.Parameters.AddWithValue("$grain", grainId.ToString());
            write.Parameters.AddWithValue("$payload", payload);
            write.Parameters.AddWithValue("$at", clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            if (expected is { } v) write.Parameters.AddWithValue("$expected", v);
            if (await write.ExecuteNonQueryAsync() != 1)
                throw new InconsistentStateException($"{stateName} of {grainId} was written by someone else", "unknown", grainState.ETag ?? "none");
            grainState.ETag = ((expected ?? 0) + 1).ToString(CultureInfo.InvariantCulture);
            grainState.RecordExists = true;
        }
        finally
        {
            _writer.Release();
        }
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await _writer.WaitAsync();
        try
        {
            await using var connection = await Open(_connectionString);
            await using var delete = connection.CreateCommand();
            delete.CommandText = "delete from grain_state where state_name = $state and grain_id = $grain" + (grainState.ETag is null ? "" : " and version = $expected");
            delete.Parameters.AddWithValue("$state", stateName);
            delete.Parameters.AddWithValue("$grain", grainId.ToString());
            if (grainState.ETag is not null) delete.Parameters.AddWithValue("$expected", long.Parse(grainState.ETag, CultureInfo.InvariantCulture));
            var deleted = await delete.ExecuteNonQueryAsync();
            if (grainState.ETag is not null && deleted != 1)
                throw new InconsistentStateException($"{stateName} of {grainId} was written by someone else", "unknown", grainState.ETag);
            grainState.ETag = null;
            grainState.RecordExists = false;
        }
        finally
        {
            _writer.Release();
        }
    }
}

/// <summary>
/// At silo start, before any grain runs: creates the data folder and the SQLite file if needed, applies our SQLite
/// migrations (each in a transaction, recorded with a checksum, an edited one refused), and says where the data is.
/// With Storage:Reset=true it first deletes the file, so the default dataset loads afresh.
/// </summary>
public sealed class SqliteSchema(StorageSettings settings, ILogger<SqliteSchema> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SqliteSchema), ServiceLifecycleStage.RuntimeInitialize - 1, _ => Migrate());

    public async Task Migrate()
    {
        var path = settings.RequiredSqlitePath;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (settings.Reset)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" }) File.Delete(file);
            logger.LogWarning("Storage:Reset: deleted {Path}; the default data loads afresh", path);
        }
        await using var connection = await SqliteGrainStorage.Open(SqliteGrainStorage.ConnectionString(path));
        await Execute(connection, null, "create table if not exists schema_migration (version integer primary key, name text not null, checksum text not null, applied_at text not null)");
        var recorded = new Dictionary<int, string>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "select version, checksum from schema_migration";
            await using var rows = await read.ExecuteReaderAsync();
            while (await rows.ReadAsync()) recorded[rows.GetInt32(0)] = rows.GetString(1);
        }
        foreach (var migration in Migration.Sqlite)
        {
            if (recorded.TryGetValue(migration.Version, out var checksum))
            {
                if (checksum != migration.Checksum)
                    throw new InvalidOperationException($"SQLite migration {migration.Name} differs from the one applied to {path}: applied migrations must never be edited.");
                continue;
            }
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            await Execute(connection, transaction, migration.Sql);
            await Execute(connection, transaction, $"insert into schema_migration (version, name, checksum, applied_at) values ({migration.Version}, '{migration.Name}', '{migration.Checksum}', '{DateTimeOffset.UtcNow:O}')");
            await transaction.CommitAsync();
            logger.LogInformation("Applied SQLite migration {Name}", migration.Name);
        }
        logger.LogInformation("Storage: SQLite at {Path} (schema version {Version}); every change is kept across restarts. Start with --Storage:Reset true to begin again from the default data.",
            path, Migration.Sqlite[^1].Version);
    }

    private static async Task Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
