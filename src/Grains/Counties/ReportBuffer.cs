using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Programme.Aggregation;

namespace Programme.Grains.Counties;

/// <summary>
/// The per-silo pre-aggregation stage (预汇总): enterprises on this silo drop their reports here (an in-process call,
/// no message); it keeps the newest report per enterprise and, one buffer interval (ProgrammeOptions.BufferInterval,
/// 50 ms) after the first pending report, sends one batch per county. A county sees a few calls a second however busy its firms are, and nothing runs while
/// nothing changes. On silo shutdown what is pending is flushed; if a silo dies with reports pending, the firms
/// re-announce when they reactivate and counties reconcile (see CountyGrain).
/// </summary>
public sealed class ReportBuffer(IGrainFactory grains, IOptions<ProgrammeOptions> options, ILogger<ReportBuffer> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly object _gate = new();
    private readonly TimeSpan _interval = options.Value.BufferInterval;
    private Dictionary<(string County, string Enterprise), EnterpriseReport> _pending = new();
    private bool _scheduled;

    public void Enqueue(EnterpriseReport report)
    {
        lock (_gate)
        {
            var key = (report.CountyId, report.EnterpriseId);
            if (!_pending.TryGetValue(key, out var held) || held.Version < report.Version) _pending[key] = report;
            if (_scheduled) return;
            _scheduled = true;
        }
        // Off the calling grain's scheduler: the flush belongs to the silo, not to whichever firm changed first.
        _ = Task.Run(FlushLater);
    }

    private async Task FlushLater()
    {
        await Task.Delay(_interval);
        await Flush();
    }

    /// <summary>
    /// Sends what is pending now rather than one buffer interval later (the dataset load, so that the first board does not
    /// wait out the interval); a flush already scheduled then finds nothing, or only what arrived since.
    /// </summary>
    public async Task Flush()
    {
        Dictionary<(string, string), EnterpriseReport> batch;
        lock (_gate)
        {
            batch = _pending;
            _pending = new();
            _scheduled = false;
        }
        if (batch.Count == 0) return;
        await Task.WhenAll(batch.Values.GroupBy(r => r.CountyId).Select(g => Send(g.Key, g.ToArray())));
    }

    private async Task Send(string countyId, EnterpriseReport[] reports)
    {
        try
        {
            await grains.GetGrain<ICountyGrain>(countyId).Apply(reports);
        }
        catch (Exception ex)
        {
            // Put them back (unless something newer arrived meanwhile); the next flush retries.
            logger.LogWarning(ex, "Flushing {Count} reports to county {County} failed; retrying", reports.Length, countyId);
            foreach (var r in reports) Enqueue(r);
        }
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ReportBuffer), ServiceLifecycleStage.Active, _ => Task.CompletedTask, _ => Flush());
}
