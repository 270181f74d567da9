using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Programme.Grains.Hosting;

namespace Programme.Tests.Fixtures;

/// <summary>
/// A whole silo in the test process, set up exactly as the product's (<see cref="SiloSetup.AddProgramme"/>) with
/// PostgreSQL storage, clustering and reminders in its own migrated database; for tests that need the silo's own
/// services (the storage provider, the reminder table) or many fast grain calls.
/// </summary>
public sealed class PostgresSilo : IAsyncLifetime
{
    private IHost? _host;

    public PostgresDatabase Database { get; private set; } = null!;
    public IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException("not started");
    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public async Task InitializeAsync()
    {
        Database = await PostgresDatabase.Create("silo");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Orleans"] = Database.ConnectionString,
            ["Orleans:SiloPort"] = $"{AppProcess.FreePort()}",
            ["Orleans:GatewayPort"] = $"{AppProcess.FreePort()}",
            ["Programme:Data"] = "empty",
        }).Build();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo => silo.AddProgramme(configuration));
        _host = builder.Build();
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }
        await Database.DisposeAsync();
    }
}
