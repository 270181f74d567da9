using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Programme.Aggregation;

namespace Programme.Grains.Counties;

/// <summary>
/// Per-silo pre-aggregator (预汇总). Keeps the newest report per enterprise and flushes one batch per county every
/// <see cref="ProgrammeOptions.FlushInterval"/>, so county grains see a handful of calls a second instead of one per change.
/// The timer runs only while something is pending.
/// </summary>
[StatelessWorker(1)]
[Reentrant]
public sealed class ReportBufferGrain(IOptions<ProgrammeOptions> options, ILogger<ReportBufferGrain> logger) : Grain, IReportBufferGrain
{
    private Dictionary<(string County, string Enterprise), EnterpriseReport> _pending = new();
    private IGrainTimer? _timer;
    private readonly TimeSpan _interval = options.Value.FlushInterval;

    public Task Enqueue(EnterpriseReport report)
    {
        var key = (report.CountyId, report.EnterpriseId);
        if (!_pending.TryGetValue(key, out var held) || held.Version < report.Version) _pending[key] = report;
        _timer ??= this.RegisterGrainTimer(Flush, new GrainTimerCreationOptions(_interval, _interval) { Interleave = true });
        return Task.CompletedTask;
    }

    private async Task Flush(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            _timer?.Dispose();
            _timer = null;
            return;
        }
        var batch = _pending;
        _pending = new();
        var sends = batch.Values
            .GroupBy(r => r.CountyId)
            .Select(g => Send(g.Key, g.ToArray()));
        await Task.WhenAll(sends);
    }

    private async Task Send(string countyId, EnterpriseReport[] reports)
    {
        try
        {
            await GrainFactory.GetGrain<ICountyGrain>(countyId).Apply(reports);
        }
        catch (Exception ex)
        {
            // Put them back (unless something newer arrived meanwhile) and try again on the next tick.
            logger.LogWarning(ex, "Flushing {Count} reports to county {County} failed; retrying", reports.Length, countyId);
            foreach (var r in reports)
            {
                var key = (r.CountyId, r.EnterpriseId);
                if (!_pending.TryGetValue(key, out var held) || held.Version < r.Version) _pending[key] = r;
            }
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        _timer = null;
        if (_pending.Count > 0) await Flush(cancellationToken);
    }
}
