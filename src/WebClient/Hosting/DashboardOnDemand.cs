using Orleans.Dashboard;

namespace Programme.Web.Hosting;

/// <summary>
/// The Orleans dashboard, mapped on its first request instead of at start. Mapping it builds the dashboard's asset
/// cache, which reads and gzips every file it embeds (its script bundle and fonts): ≈ 0.65 s of a loaded start before
/// Kestrel listened, 0.19 s of the median on a quiet one (BENCHMARKS.md, "Cold start: the dashboard on demand").
/// Requests under the prefix go to a small pipeline of their own (routing, authorization, the dashboard's endpoints),
/// built once, by the first of them; the same routes, the same policy, and every middleware of the app's pipeline
/// before it as before.
/// </summary>
public static class DashboardOnDemand
{
    public static IApplicationBuilder UseOrleansDashboardOnDemand(this IApplicationBuilder app, PathString prefix, string? policy)
    {
        var services = app.ApplicationServices;
        var dashboard = new Lazy<RequestDelegate>(() => Build(services, prefix, policy), LazyThreadSafetyMode.ExecutionAndPublication);
        return app.Use((context, next) =>
            context.Request.Path.StartsWithSegments(prefix) ? dashboard.Value(context) : next(context));
    }

    private static RequestDelegate Build(IServiceProvider services, PathString prefix, string? policy)
    {
        var branch = new ApplicationBuilder(services);
        branch.UseRouting();
        branch.UseAuthorization();
        branch.UseEndpoints(endpoints =>
        {
            var routes = endpoints.MapOrleansDashboard(prefix.Value);
            if (policy is not null) routes.RequireAuthorization(policy);
        });
        return branch.Build();
    }
}
