using System.Net;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Orleans.Hosting;
using Programme.Grains.Storage;

namespace Programme.Grains.Hosting;

/// <summary>How a process that is not a silo (a web front end in client mode, a command, a load test) finds the cluster.</summary>
public static class ClientSetup
{
    public static IClientBuilder UseProgrammeCluster(this IClientBuilder client, IConfiguration configuration)
    {
        var settings = OrleansSettings.From(configuration);
        var storage = StorageSettings.From(configuration);
        client.Configure<ClusterOptions>(o => { o.ClusterId = settings.ClusterId; o.ServiceId = settings.ServiceId; });
        if (storage.IsPostgres)
        {
            // Gateways come from the membership table; re-read it often so a replaced or added silo is used soon.
            client.UseAdoNetClustering(o => { o.Invariant = StorageSettings.Invariant; o.ConnectionString = storage.ConnectionString; });
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = settings.GatewayListRefresh);
        }
        else
        {
            client.UseStaticClustering(settings.GatewayPorts.Select(p => new IPEndPoint(IPAddress.Loopback, p)).ToArray());
        }
        return client;
    }
}
