using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Programme.Boards;
using Programme.Domain;
using Programme.Forecasts;
using Programme.Grains.Counties;

namespace Programme.Grains.Forecasts;

/// <summary>
/// The live forecast service (one, keyed "city"). A timer looks at the city board every <see cref="ForecastOptions.PollInterval"/>;
/// when its figures changed (the board without its version, forecast and warnings) and have been quiet for
/// <see cref="ForecastOptions.Debounce"/> — or have kept changing for <see cref="ForecastOptions.MaxDelay"/> — it reads every
/// firm (<see cref="CountyFirms"/>), runs <see cref="Forecaster"/> and <see cref="WarningRules"/>, and hands each board its
/// forecast and warnings; the boards push a new version. Nothing on the write path calls or waits for this grain.
/// </summary>
[KeepAlive]
public sealed class ForecastGrain(
    [PersistentState("forecast", StorageNames.Programme)] IPersistentState<ForecastState> state,
    IOptions<ForecastOptions> forecastOptions,
    IOptions<WarningOptions> warningOptions,
    IOptions<ProgrammeOptions> programmeOptions,
    TimeProvider clock,
    ILogger<ForecastGrain> logger) : Grain, IForecastGrain
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ForecastOptions _options = forecastOptions.Value;
    private readonly ProgrammeCalendar _calendar = programmeOptions.Value.Calendar;
    private string? _seen, _forecastFor;
    private long? _changedAt, _pendingSince, _computedAt;
    private TimeSpan _gap, _readTook;
    private ForecastRun? _latest;
    private long _sequence;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (_options.Enabled)
            this.RegisterGrainTimer(Poll, new GrainTimerCreationOptions(TimeSpan.Zero, _options.PollInterval) { Interleave = false });
        return Task.CompletedTask;
    }

    public Task Start() => Task.CompletedTask;

    public Task<ForecastRun?> GetLatest() => Task.FromResult(_latest);

    private async Task Poll(CancellationToken cancellationToken)
    {
        var city = await GrainFactory.GetGrain<ICityGrain>(GrainKeys.City).GetBoard();
        var print = Fingerprint(city);
        var now = clock.GetTimestamp();
        if (print != _seen)
        {
            _seen = print;
            _changedAt = now;
            _pendingSince ??= now;
        }
        // Once the board has been quiet for the debounce, the writes have paused: forecast now. While it keeps changing, a
        // forecast is due after MaxDelay, but recomputing then competes with the writes, so it takes at most
        // Forecast:BusyShare of the time: the next waits the last one's duration × (1 / share − 1) after it finished.
        var breather = _computedAt is null || clock.GetElapsedTime(_computedAt.Value) >= _gap;
        var due = print != _forecastFor
            ? clock.GetElapsedTime(_changedAt!.Value) >= _options.Debounce || (breather && clock.GetElapsedTime(_pendingSince!.Value) >= _options.MaxDelay)
            : _computedAt is { } at && clock.GetElapsedTime(at) >= _options.Refresh;
        if (!due) return;
        var started = clock.GetTimestamp();
        try
        {
            await Recompute(city);
            _forecastFor = print;
            _pendingSince = null;
            _computedAt = clock.GetTimestamp();
            _gap = clock.GetElapsedTime(started) * (1 / Math.Clamp(_options.BusyShare, 0.001, 1) - 1);
        }
        catch (Exception ex)
        {
            // Try again on a later tick; the boards keep their last forecast.
            logger.LogWarning(ex, "Forecast recomputation failed");
            _computedAt = clock.GetTimestamp();
        }
    }

    /// <summary>The board's figures without what changes on its own (versions) or what this grain writes (forecast, warnings).</summary>
    private static string Fingerprint(Board city) => JsonSerializer.Serialize(city with
    {
        Version = 0, Forecast = null, Warnings = null,
        Counties = city.Counties?.Select(r => r with { Version = 0 }).ToList(),
    }, Json);

    private async Task Recompute(Board city)
    {
        var started = clock.GetTimestamp();
        var firms = await CountyFirms.ReadAll(GrainFactory);
        var countyBoards = (await Task.WhenAll(CountyCatalogue.All.Select(c => GrainFactory.GetGrain<ICountyGrain>(c.Id).GetBoard())))
            .ToDictionary(b => b.CountyId!, StringComparer.Ordinal);
        _readTook = clock.GetElapsedTime(started);
        var (cityForecast, countyForecasts) = await Forecaster.Run(firms, city, countyBoards, _calendar, _options, clock.GetUtcNow());
        var input = new WarningInput(city, countyBoards, cityForecast, countyForecasts, firms, _calendar, Forecaster.Deadline(city),
            clock.GetUtcNow(), _options.NamesInReason);
        var (warnings, marks) = WarningRules.Evaluate(warningOptions.Value.Rules, input, state.State.Marks);
        if (!SameMarks(marks, state.State.Marks))
        {
            state.State.Marks = marks;
            await state.WriteStateAsync();
        }
        await Task.WhenAll(CountyCatalogue.All.Select(c => GrainFactory.GetGrain<ICountyGrain>(c.Id)
            .SetForecast(countyForecasts.GetValueOrDefault(c.Id), WarningRules.ForBoard(warnings, c.Id))));
        await GrainFactory.GetGrain<ICityGrain>(GrainKeys.City).SetForecast(cityForecast, WarningRules.ForBoard(warnings, null));
        _latest = new ForecastRun(cityForecast, countyForecasts, [.. warnings.Select(w => w.Warning)], ++_sequence);
        logger.LogInformation("Forecast {Sequence}: {Runs} runs on {Firms} firms, coverage probability {Probability:P0}, {Warnings} warnings, {Ms:F0} ms (reading the firms {ReadMs:F0} ms)",
            _sequence, cityForecast.Runs, firms.Count, cityForecast.Targets[Forecaster.Coverage].Probability, warnings.Count,
            clock.GetElapsedTime(started).TotalMilliseconds, _readTook.TotalMilliseconds);
    }

    private static bool SameMarks(Dictionary<string, WarningMark> a, Dictionary<string, WarningMark> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var m) && m == kv.Value);
}
