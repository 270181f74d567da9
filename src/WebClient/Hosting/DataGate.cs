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
        app.Use(async (context, next) =>
        {
            if (!loader.Ready && !IsProbe(context.Request.Path)) await loader.WhenReady.WaitAsync(context.RequestAborted);
            await next(context);
        });
        return app;
    }

    private static bool IsProbe(PathString path) => path.Equals("/healthz") || path.Equals("/readyz");
}
