namespace Programme.Forecasts;

/// <summary>
/// The grant-pipeline forecast service, keyed "batches": a background actor that looks at every funding batch's board
/// version, and a moment after a batch stops changing reads its applications, forecasts its awards and budget, and hands
/// the batch the result. No batch write calls or waits for it.
/// </summary>
public interface IBatchForecastGrain : IGrainWithStringKey
{
    /// <summary>Activates the watcher (idempotent).</summary>
    Task Start();
}
