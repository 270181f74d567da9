using Orleans.Dashboard;
using Programme.Grains;
using Programme.Grains.Hosting;

namespace Programme.Web.Hosting;

public static class OrleansHosting
{
    /// <summary>Co-hosts a silo in this process (the default), or joins an external cluster as a client (Orleans:Mode=Client).</summary>
    public static WebApplicationBuilder AddProgrammeOrleans(this WebApplicationBuilder builder)
    {
        if (OrleansSettings.From(builder.Configuration).IsClient)
        {
            builder.UseOrleansClient(client => client.UseProgrammeCluster(builder.Configuration).AddDashboard());
            // A silo binds these itself (SiloSetup); a front end without a silo reads the same section, or its /readyz
            // would wait for the default dataset while the cluster loaded another (Programme:Data empty).
            builder.Services.Configure<ProgrammeOptions>(builder.Configuration.GetSection(ProgrammeOptions.Section));
        }
        else
            builder.UseOrleans(silo => silo.AddProgramme(builder.Configuration));
        return builder;
    }
}
