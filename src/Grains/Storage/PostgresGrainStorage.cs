using System.Globalization;
using System.Runtime.InteropServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Programme.Grains.Storage;

/// <summary>
/// Grain state in PostgreSQL (Storage:Provider=Postgres), in the <c>grain_state</c> table of migration 0002 with the
/// key layout and payloads of Orleans's ADO.NET provider that wrote it before (<see cref="GrainStateKey"/>, the pinned
/// Orleans serializer): existing databases read on unchanged, and the stock provider could read ours.
/// <para>
/// What differs is how writes reach the server. Grains' concurrent writes queue here; each of a few writers takes
/// everything queued (at most <see cref="MaxBatchRows"/> rows or <see cref="MaxBatchBytes"/> bytes) and stores it in
/// ONE statement — so one transaction and one commit — instead of one round trip and one commit per grain. Each row
/// keeps its own optimistic concurrency: it is replaced only if it is still at the version its grain read (or created
/// only if it does not exist yet); a row that fails that check fails its own grain with an
/// <see cref="InconsistentStateException"/> and the rest of the batch commits. A write is answered only after the
/// statement's commit has been confirmed by the server; if the statement or its commit fails, every write in that
/// batch fails (none is acknowledged, so none can be lost). Two writes of the same grain never share a batch (the
/// later one is carried to that writer's next); they could reach two writers' statements at once, where the version
/// check refuses one of them — our grains never ask that (one write in flight per activation, <c>DurableWrites</c>).
/// Reads and clears go straight to the server, one statement each.
/// </para>
/// </summary>
public sealed partial class PostgresGrainStorage : IGrainStorage, IAsyncDisposable, IDisposable
{
    public const int MaxBatchRows = 256;
    public const int MaxBatchBytes = 8 << 20;

    // $1 service, then one array per column: state name, key text, key halves, the version each writer read (null: none
    // yet), payload. "ordinality" numbers the rows 1..n so each result row names its writer. The update's RETURNING may
    // read the input row it joined; an insert's may not, so created rows are joined back to the input by their key.
    private const string WriteSql = """
        with input as (
            select * from unnest($2::text[], $3::text[], $4::bigint[], $5::bigint[], $6::integer[], $7::bytea[])
                   with ordinality as i(state_name, key_text, key_n0, key_n1, expected, payload, n)
        ), replaced as (
            update grain_state g
               set payload = i.payload, version = g.version + 1, written_at = now()
              from input i
             where i.expected is not null
               and g.service_id = $1 and g.state_name = i.state_name and g.key_text = i.key_text
               and g.key_n0 = i.key_n0 and g.key_n1 = i.key_n1 and g.version = i.expected
            returning i.n, g.version
        ), created as (
            insert into grain_state (service_id, state_name, key_text, key_n0, key_n1, version, payload)
            select $1, i.state_name, i.key_text, i.key_n0, i.key_n1, 1, i.payload from input i where i.expected is null
            on conflict do nothing
            returning state_name, key_text, key_n0, key_n1
        )
        select n, version from replaced
        union all
        select i.n, 1 from created c join input i
            on i.expected is null and i.state_name = c.state_name and i.key_text = c.key_text and i.key_n0 = c.key_n0 and i.key_n1 = c.key_n1
        """;

    private const string ReadSql = """
        select payload, version from grain_state
         where service_id = $1 and state_name = $2 and key_text = $3 and key_n0 = $4 and key_n1 = $5
        """;

    // A clear keeps the row and its version (bumped), so a writer that read before the clear is still stale after it.
    private const string ClearSql = """
        update grain_state set payload = null, version = version + 1, written_at = now()
         where service_id = $1 and state_name = $2 and key_text = $3 and key_n0 = $4 and key_n1 = $5 and version = $6
        returning version
        """;

    private readonly NpgsqlDataSource _source;
    private readonly string _serviceId;
    private readonly IGrainStorageSerializer _serializer;
    private readonly IActivatorProvider _activators;
    private readonly ILogger _logger;
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });
    private readonly Task[] _writers;
    private long _batches;
    private long _rows;
    private long _storingTicks;

    public PostgresGrainStorage(string connectionString, string serviceId, IGrainStorageSerializer serializer,
        IActivatorProvider activators, ILogger<PostgresGrainStorage> logger, int writers = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(writers, 1);
        _source = NpgsqlDataSource.Create(connectionString);
        _serviceId = serviceId;
        _serializer = serializer;
        _activators = activators;
        _logger = logger;
        _writers = Enumerable.Range(0, writers).Select(_ => Task.Run(WriteLoop)).ToArray();
    }

    /// <summary>
    /// Statements that stored writes so far, the writes they stored (counted once committed or refused), and the time
    /// they took from sending to the commit's confirmation, summed over the writers.
    /// </summary>
    public (long Batches, long Rows, TimeSpan Storing) Stored =>
        (Interlocked.Read(ref _batches), Interlocked.Read(ref _rows), TimeSpan.FromTicks(Interlocked.Read(ref _storingTicks) * TimeSpan.TicksPerSecond / System.Diagnostics.Stopwatch.Frequency));

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = GrainStateKey.From(stateName, grainId);
        await using var command = _source.CreateCommand(ReadSql);
        AddKey(command, key);
        await using var row = await command.ExecuteReaderAsync();
        if (!await row.ReadAsync())
        {
            grainState.State = _activators.GetActivator<T>().Create();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }
        var version = row.GetInt32(1);
        // A cleared row has no payload: the grain starts afresh, but from the row's version, so stale writers stay refused.
        grainState.State = row.IsDBNull(0) ? _activators.GetActivator<T>().Create() : _serializer.Deserialize<T>(new BinaryData(row.GetFieldValue<byte[]>(0)));
        grainState.ETag = version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = !row.IsDBNull(0);
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        // Serialised now, in the grain's turn: the batch stores the state as it was when the grain asked.
        var write = new PendingWrite(GrainStateKey.From(stateName, grainId), Version(grainState.ETag), Bytes(_serializer.Serialize(grainState.State)));
        if (!_queue.Writer.TryWrite(write)) throw new ObjectDisposedException(nameof(PostgresGrainStorage), "the silo's grain storage is shutting down");
        var stored = await write.Done.Task;
        grainState.ETag = stored.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (!grainState.RecordExists)
        {
            await ReadStateAsync(stateName, grainId, grainState);
            if (!grainState.RecordExists) return;
        }
        var key = GrainStateKey.From(stateName, grainId);
        await using var command = _source.CreateCommand(ClearSql);
        AddKey(command, key);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)Version(grainState.ETag) ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        if (await command.ExecuteScalarAsync() is not int version) throw Conflict("clear", key, grainState.ETag);
        grainState.ETag = version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = false;
        grainState.State = _activators.GetActivator<T>().Create();
    }

    private void AddKey(NpgsqlCommand command, GrainStateKey key)
    {
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _serviceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key.StateName });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key.KeyText });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key.N0 });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key.N1 });
    }

    /// <summary>The serializer's own array when it hands one over whole (Orleans's does), else a copy.</summary>
    private static byte[] Bytes(BinaryData data) =>
        MemoryMarshal.TryGetArray(data.ToMemory(), out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array : data.ToArray();

    private static int? Version(string? etag) => string.IsNullOrWhiteSpace(etag) ? null : int.Parse(etag, CultureInfo.InvariantCulture);

    private InconsistentStateException Conflict(string operation, GrainStateKey key, string? etag) => new(
        $"Version conflict ({operation}): ServiceId={_serviceId} State={key.StateName} Key={key.KeyText}/{key.N0}/{key.N1} ETag={etag ?? "none"}: the row was written by someone else.",
        "unknown", etag ?? "none");

    /// <summary>One writer: waits for work, takes everything queued, stores it in one statement, answers each waiter.</summary>
    private async Task WriteLoop()
    {
        var reader = _queue.Reader;
        var batch = new List<PendingWrite>();
        var next = new List<PendingWrite>();   // a second write of a grain already in the batch: it goes in the next one
        var keys = new HashSet<GrainStateKey>();
        while (next.Count > 0 || await reader.WaitToReadAsync())
        {
            batch.Clear();
            keys.Clear();
            var bytes = 0L;
            var carried = next.ToArray();
            next.Clear();
            foreach (var write in carried) Take(write);
            while (batch.Count < MaxBatchRows && bytes < MaxBatchBytes && reader.TryRead(out var write)) Take(write);
            if (batch.Count > 0) await Store(batch);

            void Take(PendingWrite write)
            {
                if (!keys.Add(write.Key)) { next.Add(write); return; }
                batch.Add(write);
                bytes += write.Payload.Length;
            }
        }
    }

    private async Task Store(List<PendingWrite> batch)
    {
        var count = batch.Count;
        var versions = new int?[count];
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            var names = new string[count];
            var texts = new string[count];
            var n0 = new long[count];
            var n1 = new long[count];
            var expected = new int?[count];
            var payloads = new byte[count][];
            for (var i = 0; i < count; i++)
            {
                var w = batch[i];
                (names[i], texts[i], n0[i], n1[i], expected[i], payloads[i]) = (w.Key.StateName, w.Key.KeyText, w.Key.N0, w.Key.N1, w.Expected, w.Payload);
            }
            await using (var command = _source.CreateCommand(WriteSql))
            {
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _serviceId });
                command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = names });
                command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = texts });
                command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = n0 });
                command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = n1 });
                command.Parameters.Add(new NpgsqlParameter<int?[]> { TypedValue = expected, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
                command.Parameters.Add(new NpgsqlParameter<byte[][]> { TypedValue = payloads, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
                // One statement outside any explicit transaction: PostgreSQL commits it before it says it is ready for the
                // next one, and the reader is only finished (its disposal returns) once that has arrived — an error in the
                // commit is thrown here. So nothing below runs before the batch is durable.
                await using var rows = await command.ExecuteReaderAsync();
                while (await rows.ReadAsync()) versions[rows.GetInt64(0) - 1] = rows.GetInt32(1);
                while (await rows.NextResultAsync()) { }
            }
        }
        catch (Exception ex)
        {
            LogBatchFailed(ex, count);
            foreach (var w in batch) w.Done.TrySetException(ex);
            return;
        }
        Interlocked.Add(ref _storingTicks, System.Diagnostics.Stopwatch.GetTimestamp() - started);
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _rows, count);
        for (var i = 0; i < count; i++)
        {
            if (versions[i] is { } stored) batch[i].Done.TrySetResult(stored);
            else batch[i].Done.TrySetException(Conflict("write", batch[i].Key, batch[i].Expected?.ToString(CultureInfo.InvariantCulture)));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} grain-state writes failed; every write in it is refused to its grain")]
    private partial void LogBatchFailed(Exception exception, int count);

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_writers);
        await _source.DisposeAsync();
    }

    public void Dispose()
    {
        // Synchronous disposal (a host disposed without awaiting): no more writes are taken; what is in flight fails with
        // the data source, unacknowledged.
        _queue.Writer.TryComplete();
        _source.Dispose();
    }

    private sealed class PendingWrite(GrainStateKey key, int? expected, byte[] payload)
    {
        public GrainStateKey Key { get; } = key;
        public int? Expected { get; } = expected;
        public byte[] Payload { get; } = payload;
        public TaskCompletionSource<int> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
