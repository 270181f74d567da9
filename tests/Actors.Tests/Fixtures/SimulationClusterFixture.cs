using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using Programme.Grains.Hosting;

namespace Programme.Tests.Fixtures;

/// <summary>A cluster of <see cref="Silos"/> silos, no programme data, and simulation settings of its own (e.g. a short scenario TTL).</summary>
public class SimulationClusterFixture : IAsyncLifetime
{
    private InProcessTestCluster? _cluster;

    protected virtual short Silos => 2;
    protected virtual Dictionary<string, string?> Settings => new() { ["Programme:Data"] = "empty" };

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("not started");
    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings).Build();
        var builder = new InProcessTestClusterBuilder(Silos);
        builder.ConfigureSilo((_, silo) => silo.AddProgrammeGrains(configuration));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
    }
}

/// <summary>One silo whose scenarios expire two seconds after they are created.</summary>
public sealed class ExpiringScenarioClusterFixture : SimulationClusterFixture
{
    protected override short Silos => 1;
    protected override Dictionary<string, string?> Settings => new() { ["Programme:Data"] = "empty", ["Simulation:ScenarioTtl"] = "00:00:02" };
}
