using Microsoft.Extensions.Options;
using Programme.Forecasts;

namespace Programme.Grains.Forecasts;

/// <summary>Starts the forecast services (the boards' and the funding batches') once the silo is active (when "Forecast:Enabled"); it then runs on its own timer.</summary>
public sealed class ForecastStarter(IGrainFactory grains, IOptions<ForecastOptions> options) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ForecastStarter), ServiceLifecycleStage.Active + 1, Start, _ => Task.CompletedTask);

    private Task Start(CancellationToken cancellationToken) => options.Value.Enabled
        ? Task.WhenAll(grains.GetGrain<IForecastGrain>(GrainKeys.City).Start(), grains.GetGrain<IBatchForecastGrain>(GrainKeys.Batches).Start())
        : Task.CompletedTask;
}
