using Programme.Grains.Storage;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Durability;

/// <summary>The schema comes only from our versioned migrations, applied by the `migrate` step an operator runs.</summary>
public sealed class MigrationTests
{
    /// <summary>Every statement the three ADO.NET providers of Orleans 10.4.2 read from the catalogue.</summary>
    private static readonly string[] ProviderQueryKeys =
    [
        "ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey", "DeleteStorageKey",
        "InsertMembershipVersionKey", "MembershipReadAllKey", "MembershipReadRowKey", "InsertMembershipKey", "UpdateMembershipKey",
        "UpdateIAmAlivetimeKey", "GatewaysQueryKey", "CleanupDefunctSiloEntriesKey", "DeleteMembershipTableEntriesKey",
        "ReadReminderRowsKey", "ReadReminderRowKey", "ReadRangeRows1Key", "ReadRangeRows2Key", "UpsertReminderRowKey",
        "DeleteReminderRowKey", "DeleteReminderRowsKey",
    ];

    /// <summary>Everything a migration can change: tables and columns, indexes, the statement catalogue, the history.</summary>
    private static async Task<List<string>> Snapshot(PostgresDatabase db) =>
    [
        .. await db.Rows("select table_name, column_name, data_type, is_nullable, column_default from information_schema.columns where table_schema = 'public' order by 1, 2"),
        .. await db.Rows("select indexname, indexdef from pg_indexes where schemaname = 'public' order by 1"),
        .. await db.Rows("select querykey, md5(querytext) from orleansquery order by 1"),
        .. await db.Rows("select version, name, checksum, applied_at from schema_migration order by 1"),
    ];

    [Fact]
    public async Task An_empty_database_is_migrated_from_scratch_by_the_migrate_step()
    {
        await using var db = await PostgresDatabase.Create("scratch", migrate: false);
        Assert.Empty(await db.Rows("select tablename from pg_tables where schemaname = 'public'"));

        var (exitCode, output) = await SiloProcess.Migrate(db.ConnectionString);

        Assert.True(exitCode == 0, output);
        Assert.Contains("applied 0001_query_catalogue", output);
        Assert.Contains($"Schema now at version {Migration.Latest}", output);
        Assert.Equal(Enumerable.Range(1, Migration.Latest).Select(v => $"{v}"), await db.Rows("select version from schema_migration order by 1"));
        Assert.Equal(ProviderQueryKeys.Order(StringComparer.Ordinal), await db.Rows("select querykey from orleansquery order by querykey collate \"C\""));
        Assert.Equal(["cluster_member", "cluster_version", "grain_state", "orleansquery", "reminder", "schema_migration"],
            await db.Rows("select tablename from pg_tables where schemaname = 'public' order by 1"));
    }

    [Fact]
    public async Task Running_the_migrate_step_twice_changes_nothing()
    {
        await using var db = await PostgresDatabase.Create("twice", migrate: false);
        Assert.Equal(0, (await SiloProcess.Migrate(db.ConnectionString)).ExitCode);
        var before = await Snapshot(db);

        var (exitCode, output) = await SiloProcess.Migrate(db.ConnectionString);

        Assert.True(exitCode == 0, output);
        Assert.Contains("nothing to do", output);
        Assert.DoesNotContain("applied", output);
        Assert.Equal(before, await Snapshot(db));
    }

    [Fact]
    public async Task Migrators_started_together_apply_each_migration_once()
    {
        await using var db = await PostgresDatabase.Create("together", migrate: false);
        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => new SchemaMigrator(db.ConnectionString).MigrateAsync()));
        Assert.Equal(Migration.Latest, results.Sum(r => r.Applied.Count));
        Assert.Equal($"{Migration.Latest}", (await db.Rows("select count(*) from schema_migration")).Single());
    }

    [Fact]
    public async Task A_silo_refuses_to_start_on_a_database_that_was_not_migrated_and_says_what_to_run()
    {
        await using var db = await PostgresDatabase.Create("unmigrated", migrate: false);
        await using var silo = new SiloProcess(db.ConnectionString);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(silo.StartAsync);
        Assert.Contains($"has schema version 0; this build needs {Migration.Latest}", error.Message);
        Assert.Contains("-- migrate", error.Message);
        Assert.Empty(await db.Rows("select tablename from pg_tables where schemaname = 'public'"));
    }

    [Fact]
    public async Task A_migration_edited_after_it_was_applied_is_refused()
    {
        await using var db = await PostgresDatabase.Create("edited");
        await db.Scalar<int>("update schema_migration set checksum = 'something else' where version = 2 returning version");
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new SchemaMigrator(db.ConnectionString).MigrateAsync());
        Assert.Contains("0002_grain_state", error.Message);
        Assert.Contains("never be edited", error.Message);
    }
}
