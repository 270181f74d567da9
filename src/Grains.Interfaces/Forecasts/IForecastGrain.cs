using Programme.Boards;

namespace Programme.Forecasts;

/// <summary>
/// The live forecast (预测) and early warnings (预警) of the programme, keyed "city": a background actor that watches the
/// city board, and some seconds after it stops changing forks the live state, runs the Monte Carlo model to the deadline,
/// evaluates the configured warning rules and hands each board its forecast and warnings. No board ever waits for it.
/// </summary>
public interface IForecastGrain : IGrainWithStringKey
{
    /// <summary>Activates the watcher (idempotent).</summary>
    Task Start();

    /// <summary>The latest forecast run, or null before the first.</summary>
    [AlwaysInterleave]
    Task<ForecastRun?> GetLatest();
}
