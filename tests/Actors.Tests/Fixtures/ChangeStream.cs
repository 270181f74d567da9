using System.Collections.Concurrent;
using Programme.Domain;

namespace Programme.Tests.Fixtures;

/// <summary>
/// A stream of progress reports that records every acknowledgement. One sequential writer per cell (an enterprise's
/// project-month), each sending a strictly rising amount; so after any crash the stored amount of a cell must lie
/// between the last amount acknowledged and the last amount sent (a change in flight may or may not have landed), and
/// the enterprise's version must be at least the highest acknowledged.
/// </summary>
public sealed class ChangeStream
{
    public sealed record Cell(string EnterpriseId, string ProjectId, string Month);

    private sealed class Track
    {
        public decimal Acked;
        public decimal Sent;
    }

    private readonly ConcurrentDictionary<Cell, Track> _cells = new();
    private readonly ConcurrentDictionary<string, long> _ackedVersion = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTime> _lastAck = new(StringComparer.Ordinal);
    private int _acknowledged;
    private int _failed;

    public const decimal Step = 1_000m;
    public int Acknowledged => _acknowledged;
    public int Failed => _failed;

    /// <summary>When a change to the enterprise was last acknowledged (UTC).</summary>
    public DateTime LastAcknowledged(string enterpriseId) => _lastAck.GetValueOrDefault(enterpriseId);

    /// <summary>
    /// Runs one writer per cell until <paramref name="stop"/> fires. <paramref name="send"/> returns the version of an
    /// acknowledged change; a throw means not acknowledged (the writer pauses briefly and goes on with a higher amount).
    /// </summary>
    public Task Run(IEnumerable<Cell> cells, Func<Cell, decimal, Task<long>> send, CancellationToken stop) =>
        Task.WhenAll(cells.Select(cell => Task.Run(async () =>
        {
            var track = _cells.GetOrAdd(cell, _ => new Track());
            while (!stop.IsCancellationRequested)
            {
                var amount = track.Sent + Step;
                track.Sent = amount;
                try
                {
                    var version = await send(cell, amount);
                    track.Acked = amount;
                    _ackedVersion.AddOrUpdate(cell.EnterpriseId, version, (_, v) => Math.Max(v, version));
                    _lastAck[cell.EnterpriseId] = DateTime.UtcNow;
                    Interlocked.Increment(ref _acknowledged);
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref _failed);
                    try { await Task.Delay(50, stop); } catch (OperationCanceledException) { }
                }
            }
        })));

    /// <summary>Checks every acknowledged change against the stored enterprises; returns the problems found (none expected).</summary>
    public async Task<List<string>> Verify(Func<string, Task<Enterprise?>> read)
    {
        var problems = new List<string>();
        foreach (var group in _cells.GroupBy(c => c.Key.EnterpriseId))
        {
            var stored = await read(group.Key);
            if (stored is null)
            {
                problems.Add($"{group.Key}: gone");
                continue;
            }
            if (_ackedVersion.TryGetValue(group.Key, out var acked) && stored.Version < acked)
                problems.Add($"{group.Key}: stored version {stored.Version} is below acknowledged version {acked}");
            foreach (var (cell, track) in group)
            {
                var amount = stored.Projects.Single(p => p.Id == cell.ProjectId).Monthly
                    .Where(m => m.Month.ToString() == cell.Month).Select(m => m.Amount).SingleOrDefault();
                if (amount < track.Acked || amount > track.Sent)
                    problems.Add($"{cell}: stored {amount}, acknowledged {track.Acked}, last sent {track.Sent}");
            }
        }
        return problems;
    }
}
