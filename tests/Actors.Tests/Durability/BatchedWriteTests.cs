using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using Programme.Domain;
using Programme.Grains.Enterprises;
using Programme.Grains.Storage;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Durability;

/// <summary>
/// Our PostgreSQL grain storage stores the concurrent writes of many grains in one statement and one commit: each
/// write is answered only once that commit is confirmed, a version conflict fails only its own grain, a failed commit
/// fails every write in its batch. Made deterministic by one writer and a row lock held by the test: the writer's
/// statement for a "plug" grain waits on the lock while the writes under test queue behind it.
/// </summary>
public sealed class BatchedWriteTests(PostgresSilo silo) : IClassFixture<PostgresSilo>
{
    private readonly string _service = $"batch-{Guid.NewGuid():N}";

    private PostgresGrainStorage NewStorage() => new(silo.Database.ConnectionString, _service,
        new OrleansGrainStorageSerializer(silo.Services.GetRequiredService<Serializer>()),
        silo.Services.GetRequiredService<IActivatorProvider>(), NullLogger<PostgresGrainStorage>.Instance, writers: 1);

    private static GrainId Grain(string key) => GrainId.Create("batch-test", key);

    private static GrainState<EnterpriseState> Firm(string id, long version) => new(new EnterpriseState
    {
        Current = new Enterprise { Id = id, Name = "批量写入测试有限公司", CountyId = "hubin", Sector = "food", AboveScale = true, Version = version },
    });

    /// <summary>The stored version of each key (our schema bumps it on every write), as another connection sees it: committed rows only.</summary>
    private async Task<Dictionary<string, int>> Versions() =>
        (await silo.Database.Rows($"select key_text, version from grain_state where service_id = '{_service}'"))
        .Select(r => r.Split(" | ")).ToDictionary(r => r[0], r => int.Parse(r[1]));

    /// <summary>How many transactions wrote these rows: rows written by one transaction share its xmin.</summary>
    private Task<long> Transactions(IEnumerable<string> keys) => silo.Database.Scalar<long>(
        $"select count(distinct xmin::text) from grain_state where service_id = '{_service}' and key_text in ({string.Join(", ", keys.Select(k => $"'{k}'"))})");

    /// <summary>Locks the rows of <paramref name="keys"/> in a transaction of the test's own, rolled back when disposed.</summary>
    private async Task<RowLock> Lock(params string[] keys)
    {
        var connection = new NpgsqlConnection(silo.Database.ConnectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var lockRows = new NpgsqlCommand(
            $"select 1 from grain_state where service_id = '{_service}' and key_text in ({string.Join(", ", keys.Select(k => $"'{k}'"))}) for update", connection, transaction);
        await lockRows.ExecuteNonQueryAsync();
        return new RowLock(connection, transaction);
    }

    private sealed class RowLock(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await transaction.RollbackAsync();
            await connection.DisposeAsync();
        }
    }

    /// <summary>Waits until the storage's writer is blocked on a row lock; returns its backend's process id.</summary>
    private async Task<int> WriterBlocked()
    {
        for (var i = 0; i < 200; i++)
        {
            var pids = await silo.Database.Rows(
                "select pid from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query like '%with input as%'");
            if (pids.Count == 1) return int.Parse(pids[0]);
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException("the writer never blocked on the test's lock");
    }

    /// <summary>Creates each key's row (version 1) and returns the states, holding their ETags.</summary>
    private static async Task<Dictionary<string, GrainState<EnterpriseState>>> Create(PostgresGrainStorage storage, IEnumerable<string> keys)
    {
        var states = keys.ToDictionary(k => k, k => Firm(k, 1));
        await Task.WhenAll(states.Select(s => storage.WriteStateAsync("enterprise", Grain(s.Key), s.Value)));
        return states;
    }

    [Fact]
    public async Task Concurrent_writes_of_many_grains_are_one_commit_and_each_is_answered_only_once_it_is_committed()
    {
        await using var storage = NewStorage();
        var keys = Enumerable.Range(0, 40).Select(i => $"firm-{i}").ToArray();
        var states = await Create(storage, keys.Append("plug"));
        var batchesBefore = storage.Stored.Batches;

        Task[] writes;
        await using (var blocker = await Lock("plug"))
        {
            var plug = storage.WriteStateAsync("enterprise", Grain("plug"), states["plug"]);
            await WriterBlocked();
            writes = keys.Select(k => { states[k].State!.Current = states[k].State!.Current! with { Version = 2 }; return storage.WriteStateAsync("enterprise", Grain(k), states[k]); }).ToArray();
            await Task.Delay(300);
            // Nothing is answered while its statement cannot commit, and nothing of it is visible to anyone else.
            Assert.False(plug.IsCompleted);
            Assert.All(writes, w => Assert.False(w.IsCompleted));
            Assert.All(keys, k => Assert.Equal("1", states[k].ETag));
            Assert.All(await Versions(), v => Assert.Equal(1, v.Value));
        }
        await Task.WhenAll(writes);

        var stored = await Versions();
        Assert.All(keys, k => Assert.Equal("2", states[k].ETag));
        Assert.All(keys, k => Assert.Equal(2, stored[k]));
        // The 40 writes queued while the plug's statement waited were stored by ONE statement in ONE transaction.
        Assert.Equal(1, await Transactions(keys));
        Assert.Equal(batchesBefore + 2, storage.Stored.Batches);
        var reread = new GrainState<EnterpriseState>();
        await storage.ReadStateAsync("enterprise", Grain("firm-7"), reread);
        Assert.Equal(states["firm-7"].State!.Current, reread.State!.Current);
        Assert.Equal("2", reread.ETag);
    }

    [Fact]
    public async Task A_version_conflict_in_a_batch_fails_only_its_own_grain_and_the_others_commit()
    {
        await using var storage = NewStorage();
        var keys = Enumerable.Range(0, 20).Select(i => $"firm-{i}").ToArray();
        var states = await Create(storage, keys.Append("plug"));
        states["firm-3"].ETag = "7";                                   // a stale version
        var blind = Firm("firm-5", 9);                                  // a writer that never read: the row exists
        states["firm-5"] = blind;

        Task[] writes;
        await using (var blocker = await Lock("plug"))
        {
            _ = storage.WriteStateAsync("enterprise", Grain("plug"), states["plug"]);
            await WriterBlocked();
            writes = keys.Select(k => storage.WriteStateAsync("enterprise", Grain(k), states[k])).ToArray();
            await Task.Delay(100);
        }
        await Task.WhenAll(writes.Select(w => w.ContinueWith(_ => { }, TaskScheduler.Default)));

        Assert.IsType<InconsistentStateException>(writes[3].Exception?.InnerException);
        Assert.IsType<InconsistentStateException>(writes[5].Exception?.InnerException);
        var ok = keys.Where((_, i) => i is not 3 and not 5).ToArray();
        Assert.All(writes.Where((_, i) => i is not 3 and not 5), w => Assert.True(w.IsCompletedSuccessfully));
        var stored = await Versions();
        Assert.All(ok, k => Assert.Equal(2, stored[k]));
        Assert.Equal(1, stored["firm-3"]);
        Assert.Equal(1, stored["firm-5"]);
        Assert.Equal(1, await Transactions(ok));
        // The refused grains' stored states are untouched.
        var five = new GrainState<EnterpriseState>();
        await storage.ReadStateAsync("enterprise", Grain("firm-5"), five);
        Assert.Equal(1, five.State!.Current!.Version);
    }

    [Fact]
    public async Task A_batch_whose_statement_fails_fails_every_write_in_it_and_stores_none()
    {
        await using var storage = NewStorage();
        var keys = Enumerable.Range(0, 10).Select(i => $"firm-{i}").ToArray();
        var states = await Create(storage, keys.Append("plug"));

        Task[] writes;
        await using (var inner = await Lock("firm-0"))
        {
            await using (var outer = await Lock("plug"))
            {
                _ = storage.WriteStateAsync("enterprise", Grain("plug"), states["plug"]);
                await WriterBlocked();
                writes = keys.Select(k => storage.WriteStateAsync("enterprise", Grain(k), states[k])).ToArray();
                await Task.Delay(100);
            }
            // The plug's batch committed; the ten writes' batch now waits on firm-0's lock. Its connection is cut.
            var writer = await WriterBlocked();
            await silo.Database.Scalar<bool>($"select pg_terminate_backend({writer})");
            await Task.WhenAll(writes.Select(w => w.ContinueWith(_ => { }, TaskScheduler.Default)));
        }

        Assert.All(writes, w => Assert.True(w.IsFaulted));
        Assert.All(keys, k => Assert.Equal("1", states[k].ETag));
        var stored = await Versions();
        Assert.All(keys, k => Assert.Equal(1, stored[k]));
        // Nothing was half-written: the same writes, tried again, are stored.
        await Task.WhenAll(keys.Select(k => storage.WriteStateAsync("enterprise", Grain(k), states[k])));
        Assert.All(keys, k => Assert.Equal("2", states[k].ETag));
    }

    [Fact]
    public async Task Two_writes_of_one_grain_never_share_a_batch_the_second_is_checked_against_the_first()
    {
        await using var storage = NewStorage();
        var states = await Create(storage, ["plug", "firm"]);
        var twin = new GrainState<EnterpriseState>(states["firm"].State) { ETag = states["firm"].ETag, RecordExists = true };

        Task first, second;
        await using (var blocker = await Lock("plug"))
        {
            _ = storage.WriteStateAsync("enterprise", Grain("plug"), states["plug"]);
            await WriterBlocked();
            first = storage.WriteStateAsync("enterprise", Grain("firm"), states["firm"]);
            second = storage.WriteStateAsync("enterprise", Grain("firm"), twin);
            await Task.Delay(100);
        }
        await first;
        await Assert.ThrowsAsync<InconsistentStateException>(() => second);
        Assert.Equal(2, (await Versions())["firm"]);
    }
}
