using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Programme.Grains.Hosting;

/// <summary>
/// Once the silo is active, makes sure the configured dataset is loaded and waits until the city board reflects it,
/// so the first request after start already sees the full figures. Readiness (/readyz) follows <see cref="Ready"/>.
/// </summary>
public sealed class DatasetLoader(IGrainFactory grains, IOptions<ProgrammeOptions> options, TimeProvider clock, ILogger<DatasetLoader> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(30);

    public bool Ready { get; private set; }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(DatasetLoader), ServiceLifecycleStage.Active, LoadAsync, _ => Task.CompletedTask);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var status = await grains.GetGrain<IDatasetGrain>(options.Value.Data).EnsureLoaded();
        var city = grains.GetGrain<ICityGrain>(GrainKeys.City);
        var started = clock.GetTimestamp();
        while (clock.GetElapsedTime(started) < SettleLimit && !cancellationToken.IsCancellationRequested)
        {
            var board = await city.GetBoard();
            if (board.Enterprises.Total >= status.Enterprises) break;
            await Task.Delay(50, cancellationToken);
        }
        Ready = true;
        logger.LogInformation("Programme data {Name} ready ({Count} enterprises)", status.Name, status.Enterprises);
    }
}
