using Programme.Grains.Hosting;

namespace Programme.Web.Hosting;

/// <summary>
/// With a co-hosted silo, the programme data loads while Kestrel and the pipeline start, instead of before them: every
/// request but the health probes waits until the data is loaded and the city board reflects it, so the first board
/// served is as complete as before, only sooner.
/// </summary>
public static class DataGate
{
    public static WebApplication HoldUntilDataLoaded(this WebApplication app)
    {
        if (app.Services.GetService<DatasetLoader>() is not { } loader) return app; // client mode: the silos load it
        loader.InBackground = true;
        if (StartupTimeline.Enabled)
        {
            var first = 0;
            app.Use(async (context, next) =>
            {
                var mine = Interlocked.Exchange(ref first, 1) == 0;
                if (mine) StartupTimeline.Mark($"first request arrives ({context.Request.Path})");
                await next(context);
                if (mine) StartupTimeline.Mark($"first request answered ({context.Response.StatusCode})");
            });
        }
        app.Use((context, next) =>
            loader.Ready || IsProbe(context.Request.Path) ? next(context) : Held(loader, context, next));
        return app;
    }

    private static async Task Held(DatasetLoader loader, HttpContext context, RequestDelegate next)
    {
        await loader.WhenReady.WaitAsync(context.RequestAborted);
        await next(context);
    }

    private static bool IsProbe(PathString path) => path.Equals("/healthz") || path.Equals("/readyz");
}
