using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Runtime.Hosting;
using Programme.Grains.Counties;
using Programme.Grains.Storage;
using Orleans.Hosting;

namespace Programme.Grains.Hosting;

/// <summary>How every silo of the programme is put together, whether standalone (src/Silo) or co-hosted in the web app.</summary>
public static class SiloSetup
{
    public static ISiloBuilder AddProgramme(this ISiloBuilder silo, IConfiguration configuration)
    {
        var settings = configuration.GetSection(OrleansSettings.Section).Get<OrleansSettings>() ?? new OrleansSettings();
        silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort,
            new IPEndPoint(IPAddress.Loopback, settings.PrimarySiloPort), settings.ServiceId, settings.ClusterId);
        return silo.AddProgrammeGrains(configuration);
    }

    /// <summary>Storage, services and the dataset loader, without clustering (test clusters bring their own).</summary>
    public static ISiloBuilder AddProgrammeGrains(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.AddGrainStorage(StorageNames.Programme, (sp, _) => new LocalGrainStorage(sp.GetRequiredService<Orleans.Serialization.Serializer>()));
        silo.AddDashboard();
        silo.Services.AddProgrammeServices(configuration);
        silo.Services.AddSingleton<ReportBuffer>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<ReportBuffer>());
        silo.Services.AddSingleton<DatasetLoader>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<DatasetLoader>());
        return silo;
    }

    /// <summary>Services the grains need; also what a test cluster registers.</summary>
    public static IServiceCollection AddProgrammeServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ProgrammeOptions>(configuration.GetSection(ProgrammeOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
