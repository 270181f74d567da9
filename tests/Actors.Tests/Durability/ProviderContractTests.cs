using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Programme.Domain;
using Programme.Grains;
using Programme.Grains.Enterprises;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Durability;

/// <summary>
/// Our SQL against the stock Orleans providers that run it: the grain storage's optimistic concurrency, the reminder
/// table's upserts, versions and hash ranges, and the pinned serializer. Each through the silo's own provider instance.
/// </summary>
public sealed class ProviderContractTests(PostgresSilo silo) : IClassFixture<PostgresSilo>
{
    private IGrainStorage Storage => silo.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Programme);

    private static Enterprise Firm(string id, long version) => new()
    {
        Id = id, Name = "三门峡测试有限公司", CountyId = "hubin", Sector = "food", AboveScale = true, Version = version,
        CloudSince = new YearMonth(2022, 3),
    };

    [Fact]
    public async Task Grain_state_round_trips_and_a_stale_or_duplicate_writer_is_refused()
    {
        var id = GrainId.Create("contract", Guid.NewGuid().ToString("N"));
        var first = new GrainState<EnterpriseState>();
        await Storage.ReadStateAsync("contract-state", id, first);
        Assert.False(first.RecordExists);
        Assert.Null(first.ETag);

        first.State!.Current = Firm("a", 1);
        await Storage.WriteStateAsync("contract-state", id, first);
        Assert.True(first.RecordExists);

        var second = new GrainState<EnterpriseState>();
        await Storage.ReadStateAsync("contract-state", id, second);
        Assert.Equal(first.State.Current, second.State!.Current);
        Assert.Equal(first.ETag, second.ETag);

        second.State.Current = Firm("a", 2);
        await Storage.WriteStateAsync("contract-state", id, second);
        Assert.NotEqual(first.ETag, second.ETag);

        // The first holder's version is stale now, and a writer that never read cannot create the row twice.
        first.State.Current = Firm("a", 99);
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync("contract-state", id, first));
        var blind = new GrainState<EnterpriseState>(new EnterpriseState { Current = Firm("a", 98) });
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync("contract-state", id, blind));

        var third = new GrainState<EnterpriseState>();
        await Storage.ReadStateAsync("contract-state", id, third);
        Assert.Equal(2, third.State!.Current!.Version);

        await Storage.ClearStateAsync("contract-state", id, third);
        var cleared = new GrainState<EnterpriseState>();
        await Storage.ReadStateAsync("contract-state", id, cleared);
        Assert.False(cleared.RecordExists);
        Assert.Null(cleared.State!.Current);
        // A clear is a change too: the writer that last saw version 2 is stale.
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearStateAsync("contract-state", id, second));
    }

    [Fact]
    public async Task The_same_key_under_another_state_name_is_another_record()
    {
        var id = GrainId.Create("contract", Guid.NewGuid().ToString("N"));
        var a = new GrainState<EnterpriseState>(new EnterpriseState { Current = Firm("x", 1) });
        await Storage.WriteStateAsync("one-name", id, a);
        var b = new GrainState<EnterpriseState>();
        await Storage.ReadStateAsync("another-name", id, b);
        Assert.False(b.RecordExists);
    }

    [Fact]
    public async Task Stored_state_names_no_clr_type_so_renaming_classes_cannot_orphan_it()
    {
        var key = $"rename-{Guid.NewGuid():N}";
        var grain = silo.Grains.GetGrain<IEnterpriseGrain>(key);
        await grain.Upsert(new Programme.Commands.UpsertEnterprise("改名测试有限公司", "yima", "coal", true, "active"), new("tester", "test"));
        var payload = (await silo.Database.Rows($"select payload from grain_state where state_name = 'enterprise' and key_text = '{key}'")).Single();
        var text = System.Text.Encoding.UTF8.GetString(Convert.FromHexString(payload));
        Assert.Contains("改名测试有限公司", text);
        Assert.DoesNotContain("Programme", text);
        Assert.DoesNotContain("EnterpriseState", text);
        Assert.DoesNotContain("System.", text);
    }

    [Fact]
    public async Task Reminders_are_upserted_with_versions_removed_only_at_their_version_and_found_by_hash_range()
    {
        var table = silo.Services.GetRequiredService<IReminderTable>();
        var grains = Enumerable.Range(0, 40).Select(i => GrainId.Create("contract-reminder", $"{Guid.NewGuid():N}-{i}")).ToArray();
        foreach (var g in grains)
            await table.UpsertRow(new ReminderEntry { GrainId = g, ReminderName = "对账", StartAt = DateTime.UtcNow, Period = TimeSpan.FromMinutes(10) });

        var g0 = grains[0];
        var first = await table.ReadRow(g0, "对账") ?? throw new Xunit.Sdk.XunitException("reminder not found");
        Assert.Equal(TimeSpan.FromMinutes(10), first.Period);
        var again = await table.UpsertRow(new ReminderEntry { GrainId = g0, ReminderName = "对账", StartAt = DateTime.UtcNow, Period = TimeSpan.FromDays(40) });
        Assert.NotEqual(first.ETag, again);
        Assert.Equal(TimeSpan.FromDays(40), (await table.ReadRow(g0, "对账"))!.Period);
        Assert.Single((await table.ReadRows(g0)).Reminders);

        Assert.False(await table.RemoveRow(g0, "对账", first.ETag!));
        Assert.True(await table.RemoveRow(g0, "对账", again!));
        Assert.Empty((await table.ReadRows(g0)).Reminders);

        // Any split of the ring into (a, b] and (b, a] — one of them wrapping — finds every reminder exactly once.
        var ours = grains.Skip(1).ToHashSet();
        foreach (var (a, b) in new (uint, uint)[] { (0x1000_0000, 0x9000_0000), (0xF000_0000, 0x7000_0000), (5, 4) })
        {
            var found = (await table.ReadRows(a, b)).Reminders.Concat((await table.ReadRows(b, a)).Reminders)
                .Where(r => ours.Contains(r.GrainId)).Select(r => r.GrainId).ToList();
            Assert.Equal(ours.Count, found.Count);
            Assert.Equal(ours.Count, found.Distinct().Count());
        }
    }
}
