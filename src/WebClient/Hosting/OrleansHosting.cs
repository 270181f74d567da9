using System.Net;
using Orleans.Dashboard;
using Programme.Grains.Hosting;

namespace Programme.Web.Hosting;

public static class OrleansHosting
{
    /// <summary>Co-hosts a silo in this process (the default), or joins an external cluster as a client (Orleans:Mode=Client).</summary>
    public static WebApplicationBuilder AddProgrammeOrleans(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(OrleansSettings.Section).Get<OrleansSettings>() ?? new OrleansSettings();
        if (settings.IsClient)
        {
            builder.UseOrleansClient(client =>
                client.UseStaticClustering(settings.GatewayPorts.Select(p => new IPEndPoint(IPAddress.Loopback, p)).ToArray())
                      .Configure<Orleans.Configuration.ClusterOptions>(o => { o.ClusterId = settings.ClusterId; o.ServiceId = settings.ServiceId; })
                      .AddDashboard());
        }
        else
        {
            builder.UseOrleans(silo => silo.AddProgramme(builder.Configuration));
        }
        return builder;
    }
}
