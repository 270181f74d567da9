using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using Programme.Grains.Hosting;

namespace Programme.Tests.Fixtures;

/// <summary>An in-process Orleans cluster with the programme's grains, in-memory storage and the given dataset.</summary>
public class ClusterFixture : IAsyncLifetime
{
    private InProcessTestCluster? _cluster;

    protected virtual string Data => "empty";
    protected virtual short Silos => 1;

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("not started");
    public IClusterClient Client => Cluster.Client;

    public IConfiguration Configuration => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Programme:Data"] = Data })
        .Build();

    /// <summary>More silo configuration for a kind of cluster (e.g. a fake clock).</summary>
    protected virtual void ConfigureSilo(ISiloBuilder silo) { }

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(Silos);
        var configuration = Configuration;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddProgrammeGrains(configuration);
            ConfigureSilo(silo);
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
    }
}

/// <summary>A cluster loaded with the default data "sanmenxia-2022".</summary>
public sealed class DefaultDataClusterFixture : ClusterFixture
{
    protected override string Data => "sanmenxia-2022";
}
