using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Programme.Grains.Hosting;

/// <summary>
/// Once the silo is active, makes sure the configured dataset is loaded and waits until the city board reflects it,
/// so the first request after start already sees the full figures. Readiness (/readyz) follows <see cref="Ready"/>.
/// By default the silo's start waits for it; a co-hosting web front end sets <see cref="InBackground"/> so its own
/// start (Kestrel, the pipeline) overlaps the load, and holds every request until <see cref="WhenReady"/>.
/// </summary>
public sealed class DatasetLoader(
    IGrainFactory grains,
    IOptions<ProgrammeOptions> options,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<DatasetLoader> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(30);
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Load without holding up the silo's start (the caller then waits for <see cref="WhenReady"/> itself).</summary>
    public bool InBackground { get; set; }

    public bool Ready => _ready.Task.IsCompletedSuccessfully;

    /// <summary>Completes once the data is loaded and the city board reflects it.</summary>
    public Task WhenReady => _ready.Task;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(DatasetLoader), ServiceLifecycleStage.Active, Start, _ => Task.CompletedTask);

    private Task Start(CancellationToken cancellationToken)
    {
        if (!InBackground) return LoadAsync(cancellationToken);
        _ = Task.Run(async () =>
        {
            try
            {
                await LoadAsync(lifetime.ApplicationStopping);
            }
            catch (Exception ex) when (!lifetime.ApplicationStopping.IsCancellationRequested)
            {
                // As when the load held up the start: a front end without its data does not stay up.
                logger.LogCritical(ex, "Loading programme data {Name} failed; stopping", options.Value.Data);
                Environment.ExitCode = 1;
                lifetime.StopApplication();
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            StartupTimeline.Mark("data load begins");
            var status = await grains.GetGrain<IDatasetGrain>(options.Value.Data).EnsureLoaded();
            StartupTimeline.Mark("dataset loaded");
            var city = grains.GetGrain<ICityGrain>(GrainKeys.City);
            var started = clock.GetTimestamp();
            while (clock.GetElapsedTime(started) < SettleLimit && !cancellationToken.IsCancellationRequested)
            {
                var board = await city.GetBoard();
                if (board.Enterprises.Total >= status.Enterprises) break;
                await Task.Delay(20, cancellationToken);
            }
            StartupTimeline.Mark("city board holds the dataset");
            _ready.TrySetResult();
            logger.LogInformation("Programme data {Name} ready ({Count} enterprises)", status.Name, status.Enterprises);
        }
        catch (Exception ex)
        {
            _ready.TrySetException(ex);
            throw;
        }
    }
}
