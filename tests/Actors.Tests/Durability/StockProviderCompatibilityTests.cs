using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using Programme.Commands;
using Programme.Domain;
using Programme.Grains;
using Programme.Grains.Enterprises;
using Programme.Grains.Storage;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Durability;

/// <summary>
/// Databases written by Orleans's stock ADO.NET provider (every build before our own PostgreSQL provider) keep working:
/// the stock provider of Orleans 10.4.2, run against the same database with the same SQL catalogue and serializer,
/// writes states under every kind of key; the silo's own provider (ours) reads them, with the same versions, writes
/// over them, and the stock provider reads that back. And an enterprise the stock provider stored activates with it.
/// </summary>
public sealed class StockProviderCompatibilityTests(PostgresSilo silo) : IClassFixture<PostgresSilo>
{
    private IGrainStorage Ours => silo.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Programme);

    private async Task<AdoNetGrainStorage> Stock()
    {
        var options = new AdoNetGrainStorageOptions
        {
            Invariant = StorageSettings.Invariant,
            ConnectionString = silo.Database.ConnectionString,
            GrainStorageSerializer = new OrleansGrainStorageSerializer(silo.Services.GetRequiredService<Serializer>()),
        };
        var stock = ActivatorUtilities.CreateInstance<AdoNetGrainStorage>(silo.Services, Options.Create(options), "stock",
            Options.Create(silo.Services.GetRequiredService<IOptions<ClusterOptions>>().Value));
        var lifecycle = new StartOnly();
        stock.Participate(lifecycle);
        await lifecycle.Start();
        return stock;
    }

    /// <summary>Just enough of a silo lifecycle to run the stock provider's start step (it reads its statements there).</summary>
    private sealed class StartOnly : ISiloLifecycle
    {
        private readonly List<ILifecycleObserver> _observers = [];
        public int HighestCompletedStage => 0;
        public int LowestStoppedStage => 0;
        public IDisposable Subscribe(string observerName, int stage, ILifecycleObserver observer)
        {
            _observers.Add(observer);
            return new CancellationTokenSource();
        }
        public Task Start() => Task.WhenAll(_observers.Select(o => o.OnStart(CancellationToken.None)));
    }

    private static EnterpriseState Firm(string id, long version) => new()
    {
        Current = new Enterprise { Id = id, Name = "旧库兼容测试有限公司", CountyId = "hubin", Sector = "food", AboveScale = true, Version = version },
    };

    public static TheoryData<string> Keys => ["string", "hex-looking string", "guid", "guid+extension", "integer", "integer+extension"];

    private static GrainId Key(string kind)
    {
        var type = GrainType.Create($"compat-{Guid.NewGuid():N}");
        return kind switch
        {
            "string" => GrainId.Create(type, $"firm-{Guid.NewGuid():N}"),
            "hex-looking string" => GrainId.Create(type, "abc123"),   // TryGetIntegerKey reads it as hex: the stock layout says (0, 0xabc123)
            "guid" => GrainId.Create(type, GrainIdKeyExtensions.CreateGuidKey(Guid.NewGuid())),
            "guid+extension" => GrainId.Create(type, GrainIdKeyExtensions.CreateGuidKey(Guid.NewGuid(), "县域")),
            "integer" => GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(Random.Shared.NextInt64())),
            "integer+extension" => GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(-42, "ext")),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task A_state_the_stock_provider_wrote_reads_back_through_ours_and_ours_writes_over_it(string kind)
    {
        var stock = await Stock();
        var id = Key(kind);
        var old = new GrainState<EnterpriseState>(Firm("old", 1));
        await stock.WriteStateAsync("compat", id, old);
        old.State!.Current = Firm("old", 2).Current;
        await stock.WriteStateAsync("compat", id, old);             // version 2, as a long-lived database has

        var read = new GrainState<EnterpriseState>();
        await Ours.ReadStateAsync("compat", id, read);
        Assert.True(read.RecordExists);
        Assert.Equal(old.ETag, read.ETag);
        Assert.Equal(old.State.Current, read.State!.Current);

        read.State.Current = Firm("old", 3).Current;
        await Ours.WriteStateAsync("compat", id, read);
        var back = new GrainState<EnterpriseState>();
        await stock.ReadStateAsync("compat", id, back);
        Assert.Equal(read.ETag, back.ETag);
        Assert.Equal(3, back.State!.Current!.Version);
        // One row, not a second one beside the old: the stock holder of version 2 is stale for both providers.
        Assert.Equal(1L, await silo.Database.Scalar<long>("select count(*) from grain_state where state_name = 'compat' and version = 3"));
        await Assert.ThrowsAsync<InconsistentStateException>(() => Ours.WriteStateAsync("compat", id, old));

        // A clear by the stock provider reads as no record through ours, at the cleared row's version.
        await stock.ClearStateAsync("compat", id, back);
        var cleared = new GrainState<EnterpriseState>();
        await Ours.ReadStateAsync("compat", id, cleared);
        Assert.False(cleared.RecordExists);
        Assert.Null(cleared.State!.Current);
        Assert.Equal(back.ETag, cleared.ETag);
    }

    [Fact]
    public async Task An_enterprise_the_stock_provider_stored_activates_with_its_state_and_takes_changes()
    {
        var key = $"compat-firm-{Guid.NewGuid():N}";
        var grain = silo.Grains.GetGrain<IEnterpriseGrain>(key);
        var stored = new GrainState<EnterpriseState>(new EnterpriseState
        {
            Current = new Enterprise { Id = key, Name = "旧库企业有限公司", CountyId = "mianchi", Sector = "aluminium", AboveScale = true, Version = 5 },
        });
        await (await Stock()).WriteStateAsync("enterprise", grain.GetGrainId(), stored);

        var firm = await grain.Get();
        Assert.NotNull(firm);
        Assert.Equal("旧库企业有限公司", firm.Name);
        Assert.Equal(5, firm.Version);
        var change = await grain.Upsert(new UpsertEnterprise("旧库企业有限公司（更名）", "mianchi", "aluminium", true, "active"), new("tester", "test"));
        Assert.Equal(CommandOutcome.Accepted, change.Outcome);
        Assert.Equal(6, change.Version);
    }
}
