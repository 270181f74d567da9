using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Programme.Forecasts;
using Programme.Grants;

namespace Programme.Grains.Forecasts;

/// <summary>
/// The grant-pipeline forecast service (one, keyed "batches"), debounced like <see cref="ForecastGrain"/>: a timer looks
/// at every listed batch's board version every <see cref="ForecastOptions.BatchPollInterval"/>. An odd version carries
/// the forecast of the batch as it stands; an even one has changed since (or was never forecast). Once it has been quiet
/// for <see cref="ForecastOptions.BatchDebounce"/> — or has kept changing for <see cref="ForecastOptions.MaxDelay"/> — the
/// service reads the batch's applications, runs <see cref="BatchForecaster"/> here, and hands the batch the result, which
/// pushes its board. A batch seen for the first time is forecast at once. Batches past their review (disbursing,
/// closed) are not forecast. Nothing on the write path calls or waits for this grain.
/// </summary>
[KeepAlive]
public sealed class BatchForecastGrain(IOptions<ForecastOptions> options, TimeProvider clock, ILogger<BatchForecastGrain> logger)
    : Grain, IBatchForecastGrain
{
    private readonly ForecastOptions _options = options.Value;
    private readonly Dictionary<string, Watch> _batches = new(StringComparer.Ordinal);

    private sealed class Watch
    {
        public long Seen = -1;
        public long ChangedAt, PendingSince;
        public bool Pending;
        /// <summary>A board version not to forecast (the batch's review is over).</summary>
        public long Skipped = -1;
        public string? Month;
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (_options.Enabled)
            this.RegisterGrainTimer(Poll, new GrainTimerCreationOptions(TimeSpan.Zero, _options.BatchPollInterval) { Interleave = false });
        return Task.CompletedTask;
    }

    public Task Start() => Task.CompletedTask;

    private async Task Poll(CancellationToken cancellationToken)
    {
        IReadOnlyList<BatchListing> listed;
        try
        {
            listed = await GrainFactory.GetGrain<IBatchCatalogueGrain>(GrainKeys.Batches).List();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Batch forecast: could not list the batches");
            return;
        }
        var now = clock.GetUtcNow();
        var month = $"{now.Year:0000}-{now.Month:00}";
        foreach (var listing in listed)
        {
            try
            {
                await Look(listing.Id, month);
            }
            catch (Exception ex)
            {
                // Try again on a later tick; the batch keeps its last forecast.
                logger.LogWarning(ex, "Batch forecast of {Batch} failed", listing.Id);
            }
        }
    }

    private async Task Look(string id, string month)
    {
        var batch = GrainFactory.GetGrain<IFundingBatchGrain>(id);
        var version = await batch.GetVersion();
        var now = clock.GetTimestamp();
        if (!_batches.TryGetValue(id, out var w))
        {
            // First sight: nothing is known to be changing, so forecast at once.
            _batches[id] = w = new Watch { Seen = version, Pending = version % 2 == 0, ChangedAt = long.MinValue, PendingSince = now, Month = month };
        }
        else if (version != w.Seen)
        {
            w.Seen = version;
            w.ChangedAt = now;
            if (!w.Pending) w.PendingSince = now;
            w.Pending = version % 2 == 0;
        }
        // A new month moves the months of the forecast: forecast again.
        if (w.Month != month && version % 2 == 1) { w.Pending = true; w.ChangedAt = long.MinValue; }
        if (!w.Pending || version == w.Skipped) return;
        var quiet = w.ChangedAt == long.MinValue || clock.GetElapsedTime(w.ChangedAt) >= _options.BatchDebounce;
        if (!quiet && clock.GetElapsedTime(w.PendingSince) < _options.MaxDelay) return;

        var pipeline = await batch.GetPipeline();
        w.Pending = false;
        w.Month = month;
        if (pipeline is null || pipeline.Status is not (BatchStatus.Open or BatchStatus.Reviewing))
        {
            w.Skipped = version;
            return;
        }
        var forecast = BatchForecaster.Build(pipeline, BatchForecaster.PassRates(_options), clock.GetUtcNow());
        await batch.SetForecast(forecast);
        logger.LogInformation("Batch forecast {Batch} v{Version}: {Expected} awards expected, {Amount} yuan; runs out {RunsOut}, {Waiting} would wait",
            id, pipeline.Version, forecast.ExpectedAwards, forecast.ExpectedAmount, forecast.RunsOutIn ?? "never", forecast.Waiting.Count);
    }
}
