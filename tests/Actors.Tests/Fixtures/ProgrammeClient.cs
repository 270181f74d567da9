using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Programme.Grains.Hosting;

namespace Programme.Tests.Fixtures;

/// <summary>An Orleans client in the test process that finds the cluster's gateways in PostgreSQL, as the web app does in client mode.</summary>
public sealed class ProgrammeClient : IAsyncDisposable
{
    private readonly IHost _host;

    private ProgrammeClient(IHost host) => _host = host;

    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();
    public IGrainFactory Grains => Client;
    public IServiceProvider Services => _host.Services;

    public static async Task<ProgrammeClient> Connect(string connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Orleans"] = connectionString,
            ["Orleans:GatewayListRefresh"] = "00:00:01",
        }).Build();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        // A call caught in a silo's death fails within seconds instead of Orleans's default 30 s.
        builder.UseOrleansClient(c => c.UseProgrammeCluster(configuration)
            .Configure<Orleans.Configuration.ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(5)));
        var host = builder.Build();
        await host.StartAsync();
        return new ProgrammeClient(host);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _host.StopAsync(cts.Token);
        }
        catch (OperationCanceledException) { }
        _host.Dispose();
    }
}
