using System.Diagnostics.Metrics;
using Programme.Push;

namespace Programme.Web.Push;

/// <summary>Our own meters (exported with Orleans's to Prometheus): board pushes and their lag.</summary>
public sealed class BoardMetrics
{
    public const string MeterName = "Programme.Boards";
    private readonly Counter<long> _pushes;
    private readonly Histogram<double> _lag;

    public BoardMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _pushes = meter.CreateCounter<long>("board.pushes", "{snapshot}", "Board snapshots sent to SignalR groups");
        _lag = meter.CreateHistogram<double>("board.push.lag", "ms", "From a grain producing a board snapshot to its send to browsers");
    }

    public void Pushed(BoardUpdate update)
    {
        var kind = update.Scope.Split(':')[0];
        _pushes.Add(1, new KeyValuePair<string, object?>("scope.kind", kind));
        _lag.Record((DateTimeOffset.UtcNow - update.ProducedAt).TotalMilliseconds, new KeyValuePair<string, object?>("scope.kind", kind));
    }
}
