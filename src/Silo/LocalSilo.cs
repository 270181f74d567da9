using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Programme.Grains.Hosting;

namespace Programme.Silo;

/// <summary>A one-silo cluster inside the command's process, on free loopback ports, quiet on the console.</summary>
public static class LocalSilo
{
    public static async Task<IHost> Start(string data)
    {
        var siloPort = FreePort();
        var gatewayPort = FreePort();
        // No appsettings: the command's console carries only its own progress and warnings.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Programme:Data"] = data,
            ["Orleans:SiloPort"] = $"{siloPort}",
            ["Orleans:GatewayPort"] = $"{gatewayPort}",
            ["Orleans:PrimarySiloPort"] = $"{siloPort}",
            ["Orleans:ClusterId"] = $"headless-{Environment.ProcessId}",
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Orleans", LogLevel.Critical);
        builder.UseOrleans(silo => silo.AddProgramme(builder.Configuration));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
