using Programme.Aggregation;

namespace Programme.Grains;

/// <summary>
/// The per-silo pre-aggregation stage: enterprises drop their reports here; it keeps the newest per enterprise and flushes
/// one batch per county on a short timer, so a county sees a few calls a second however busy its firms are.
/// </summary>
public interface IReportBufferGrain : IGrainWithIntegerKey
{
    Task Enqueue(EnterpriseReport report);
}
