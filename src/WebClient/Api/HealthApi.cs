using Programme.Grains;
using Programme.Grains.Hosting;

namespace Programme.Web.Api;

public static class HealthApi
{
    /// <summary>/healthz: the process answers. /readyz: the cluster answers and the programme data is loaded.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Text("ok")).ExcludeFromDescription();
        app.MapGet("/readyz", async (IServiceProvider services, IGrainFactory grains, Microsoft.Extensions.Options.IOptions<ProgrammeOptions> options) =>
        {
            var loader = services.GetService<DatasetLoader>();
            if (loader is not null && !loader.Ready) return Results.Problem(statusCode: 503, title: "Loading programme data");
            if (services.GetService<Programme.Web.Accounts.DemoAccounts>() is { Ready: false }) return Results.Problem(statusCode: 503, title: "Creating demo accounts");
            try
            {
                var status = await grains.GetGrain<IDatasetGrain>(options.Value.Data).GetStatus();
                return status.Loaded ? Results.Text("ready") : Results.Problem(statusCode: 503, title: "Programme data not loaded yet");
            }
            catch (Exception)
            {
                return Results.Problem(statusCode: 503, title: "Cluster unavailable");
            }
        }).ExcludeFromDescription();
        // For benchmarks only (Diagnostics:Memory=true): the managed heap after a full collection, and the process size.
        if (app.ServiceProvider.GetRequiredService<IConfiguration>().GetValue<bool>("Diagnostics:Memory"))
        {
            app.MapGet("/diagnostics/memory", () =>
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
                GC.Collect();
                using var process = System.Diagnostics.Process.GetCurrentProcess();
                return Results.Ok(new { heapBytes = GC.GetTotalMemory(forceFullCollection: true), workingSetBytes = process.WorkingSet64 });
            }).ExcludeFromDescription();
        }
        return app;
    }
}
