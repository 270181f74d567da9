using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Hosting;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;
using Programme.Grains.Counties;
using Programme.Grains.Storage;

namespace Programme.Grains.Hosting;

/// <summary>How every silo of the programme is put together, whether standalone (src/Silo) or co-hosted in the web app.</summary>
public static class SiloSetup
{
    public static ISiloBuilder AddProgramme(this ISiloBuilder silo, IConfiguration configuration)
    {
        var settings = OrleansSettings.From(configuration);
        var storage = StorageSettings.From(configuration);
        if (storage.IsPostgres)
        {
            // The cluster is whoever is alive in the membership table: silos find each other there, clients find gateways.
            silo.Configure<ClusterOptions>(o => { o.ClusterId = settings.ClusterId; o.ServiceId = settings.ServiceId; });
            silo.ConfigureEndpoints(settings.AdvertisedIp(), settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: settings.ListenOnAnyAddress);
            silo.UseAdoNetClustering(o => { o.Invariant = StorageSettings.Invariant; o.ConnectionString = storage.ConnectionString; });
        }
        else
        {
            silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort,
                new IPEndPoint(IPAddress.Loopback, settings.PrimarySiloPort), settings.ServiceId, settings.ClusterId);
        }
        // Faster fail-over than Orleans's defaults (probe timeout 5 s × 3 missed probes, table refresh 60 s: a killed silo's
        // grains served again after 12–16 s): 1 s probes, 3 missed, the table re-read every 5 s. Indirect probes and the
        // local-health monitor stay on, so a silo starved of CPU withholds its vote instead of suspecting its peers
        // (docs/OPERATIONS.md, "Fail-over timing"). Orleans:Membership:* overrides each.
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(1);
            o.NumMissedProbesLimit = 3;
            o.TableRefreshTimeout = TimeSpan.FromSeconds(5);
            o.EnableIndirectProbes = true;
        });
        silo.Configure<ClusterMembershipOptions>(configuration.GetSection($"{OrleansSettings.Section}:Membership"));
        silo.Configure<GrainDirectoryOptions>(o => o.CacheSize = Math.Max(0, settings.DirectoryCacheSize));
        return silo.AddProgrammeGrains(configuration);
    }

    /// <summary>Storage, reminders, services and the dataset loader, without clustering (test clusters bring their own).</summary>
    public static ISiloBuilder AddProgrammeGrains(this ISiloBuilder silo, IConfiguration configuration)
    {
        var storage = StorageSettings.From(configuration);
        if (storage.IsPostgres)
        {
            // Our own provider on the ADO.NET provider's table and key layout (Storage/PostgresGrainStorage.cs): it stores
            // the concurrent writes of many grains in one statement and one commit. Storage:Writers sets how many such
            // statements may be in flight at once (default 2).
            var writers = Math.Clamp(configuration.GetValue("Storage:Writers", 2), 1, 16);
            silo.Services.AddGrainStorage(StorageNames.Programme, (sp, _) => new PostgresGrainStorage(
                storage.RequiredConnectionString,
                sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
                // Pinned, not left to Orleans's default (JSON with CLR type names): fields are stored by their [Id] and
                // types by their [Alias], so renaming a class, a property or a namespace never orphans stored state.
                new OrleansGrainStorageSerializer(sp.GetRequiredService<Serializer>()),
                sp.GetRequiredService<Orleans.Serialization.Serializers.IActivatorProvider>(),
                sp.GetRequiredService<ILogger<PostgresGrainStorage>>(),
                writers));
            silo.UseAdoNetReminderService(o => { o.Invariant = StorageSettings.Invariant; o.ConnectionString = storage.ConnectionString; });
            silo.Services.AddSingleton(storage);
            silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, SchemaCheck>();
        }
        else if (storage.IsSqlite)
        {
            // One process, one file: grain state durable in SQLite; reminders (none are registered today) stay in memory.
            silo.Services.AddSingleton(storage);
            silo.Services.AddSingleton<SqliteSchema>();
            silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<SqliteSchema>());
            silo.Services.AddGrainStorage(StorageNames.Programme, (sp, _) =>
                new SqliteGrainStorage(storage.RequiredSqlitePath, sp.GetRequiredService<Serializer>(), sp.GetRequiredService<TimeProvider>()));
            silo.UseInMemoryReminderService();
        }
        else
        {
            silo.Services.AddGrainStorage(StorageNames.Programme, (sp, _) => new LocalGrainStorage(sp.GetRequiredService<DeepCopier>()));
            silo.UseInMemoryReminderService();
        }
        if (StartupTimeline.Enabled) silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, StartupStages>();
        silo.AddDashboard();
        if (!OrleansSettings.From(configuration).DashboardProfiler) WithoutDashboardProfiler(silo.Services);
        silo.Services.AddProgrammeServices(configuration);
        silo.Services.AddSingleton<ReportBuffer>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<ReportBuffer>());
        silo.Services.AddSingleton<DatasetLoader>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<DatasetLoader>());
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, Forecasts.ForecastStarter>();
        return silo;
    }

    /// <summary>
    /// Removes the dashboard's grain-call profiler (Orleans:DashboardProfiler=false, the default). Even while nobody
    /// watches the dashboard, the filter wraps every grain call: with any incoming filter registered Orleans builds a
    /// filter chain (an invoker object and two async state machines) around each call; without one it invokes directly.
    /// The dashboard keeps its silo, activation and counter pages; only its per-method call statistics stay empty.
    /// </summary>
    public static void WithoutDashboardProfiler(IServiceCollection services)
    {
        for (var i = services.Count - 1; i >= 0; i--)
            if (services[i].ServiceType == typeof(IIncomingGrainCallFilter) && IsDashboardProfiler(services[i].ImplementationType))
                services.RemoveAt(i);
    }

    public static bool IsDashboardProfiler(Type? filter) =>
        filter is { Name: "GrainProfilerFilter" } && filter.Assembly == typeof(DashboardOptions).Assembly;

    /// <summary>Services the grains need; also what a test cluster registers.</summary>
    public static IServiceCollection AddProgrammeServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ProgrammeOptions>(configuration.GetSection(ProgrammeOptions.Section));
        services.Configure<Simulation.SimulationOptions>(configuration.GetSection(Simulation.SimulationOptions.Section));
        services.Configure<Forecasts.ForecastOptions>(configuration.GetSection(Forecasts.ForecastOptions.Section));
        services.Configure<Forecasts.WarningOptions>(configuration.GetSection(Forecasts.WarningOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
