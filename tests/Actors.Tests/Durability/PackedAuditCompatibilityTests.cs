using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Programme.Commands;
using Programme.Domain;
using Programme.Grains;
using Programme.Grains.Audit;
using Programme.Grains.Enterprises;
using Programme.Tests.Fixtures;
using Programme.Tests.Foundation;

namespace Programme.Tests.Durability;

/// <summary>
/// Old data keeps working: an enterprise state stored by the build before the packed audit trail (its entries as
/// objects) activates with its whole trail, and the next write stores the trail packed, with nothing lost.
/// </summary>
public sealed class PackedAuditCompatibilityTests(SwitchableStorageClusterFixture fixture) : IClassFixture<SwitchableStorageClusterFixture>
{
    private const string StateName = "enterprise";

    [Theory]
    [InlineData("hengkang-aluminium", MainBuildStates.SeededFirm, 1)]
    [InlineData("lt-000000", MainBuildStates.LoadTestFirm, 3)]
    public async Task A_state_stored_before_packing_reads_back_whole_and_is_stored_packed_by_the_next_write(string key, string payload, int atLeast)
    {
        var serializer = fixture.Client.ServiceProvider.GetRequiredService<Serializer>();
        var old = serializer.Deserialize<EnterpriseState>(Convert.FromBase64String(payload));
        Assert.NotNull(old);
        var current = old.Current ?? throw new Xunit.Sdk.XunitException("no enterprise in the stored state");
        Assert.Empty(old.Recent);
        var oldestFirst = old.History!.ToList();
        Assert.True(oldestFirst.Count >= atLeast, $"{oldestFirst.Count} entries");
        Assert.Equal(Enumerable.Range(1, oldestFirst.Count).Select(v => (long)v), oldestFirst.Select(e => e.Version));
        var expected = Enumerable.Reverse(oldestFirst).ToList();

        var grain = fixture.Client.GetGrain<IEnterpriseGrain>(key);
        await fixture.Storage.WriteStateAsync(StateName, grain.GetGrainId(), new GrainState<EnterpriseState>(old));

        var firm = (await grain.Get())!;
        Assert.Equal((current.Version, current.Name), (firm.Version, firm.Name));
        AuditAssert.Same(expected, await grain.GetHistory());
        AuditAssert.Same(expected, await grain.GetRecentHistory());

        var renamed = await grain.Upsert(new UpsertEnterprise(firm.Name + "（更名）", firm.CountyId, firm.Sector, firm.AboveScale, Wire.Name(firm.Status)), new("compat-tester", "test"));
        Assert.Equal((CommandOutcome.Accepted, firm.Version + 1), (renamed.Outcome, renamed.Version));

        var stored = new GrainState<EnterpriseState>();
        await fixture.Storage.ReadStateAsync(StateName, grain.GetGrainId(), stored);
        Assert.Null(stored.State!.History);
        var packed = PackedAudit.Read(stored.State.Recent);
        AuditAssert.Same(oldestFirst, packed.Take(oldestFirst.Count));
        Assert.Equal((renamed.Version, "compat-tester"), (packed[^1].Version, packed[^1].Actor));
        var history = await grain.GetHistory();
        AuditAssert.Same(expected, history.Skip(1));
        Assert.Contains(history[0].Changes, c => c.Field == "name" && c.Before == firm.Name);

        // And the packed state reads back on activation.
        var copy = fixture.Client.GetGrain<IEnterpriseGrain>($"{key}-copy-{Guid.NewGuid():N}");
        await fixture.Storage.WriteStateAsync(StateName, copy.GetGrainId(), new GrainState<EnterpriseState>(stored.State));
        AuditAssert.Same(history, await copy.GetHistory());
    }
}
