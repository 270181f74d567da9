namespace Programme.Grains.Boards;

/// <summary>
/// Runs a grain's flush every <c>interval</c> while it keeps changing, and stops its timer once a tick finds nothing
/// new: a busy board is pushed a few times a second (the newest state only), an idle one costs nothing.
/// </summary>
public sealed class WhileChanging(IGrainBase grain, TimeSpan interval, Func<CancellationToken, Task> flush)
{
    private bool _dirty;
    private IGrainTimer? _timer;

    public void Changed()
    {
        _dirty = true;
        _timer ??= grain.RegisterGrainTimer(Tick, new GrainTimerCreationOptions(interval, interval) { Interleave = false });
    }

    /// <summary>Flushes now instead of at the next tick (which then finds nothing new and stops the timer).</summary>
    public Task Now(CancellationToken cancellationToken)
    {
        _dirty = false;
        return flush(cancellationToken);
    }

    private async Task Tick(CancellationToken cancellationToken)
    {
        if (!_dirty)
        {
            _timer?.Dispose();
            _timer = null;
            return;
        }
        _dirty = false;
        await flush(cancellationToken);
    }
}
