namespace Programme.Grains.Enterprises;

/// <summary>
/// Bookkeeping of a coalescing writer inside one grain activation (single-threaded, so no locks): whether a write is in
/// flight, and who waits for which version to become durable.
/// </summary>
internal sealed class DurableWrites
{
    private readonly List<(long Version, TaskCompletionSource Done)> _waiting = [];
    private bool _writing;

    public Task WaitFor(long version)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting.Add((version, done));
        return done.Task;
    }

    /// <summary>True if the caller should start the write loop (none is running).</summary>
    public bool StartWriting()
    {
        if (_writing) return false;
        _writing = true;
        return true;
    }

    public void StoppedWriting() => _writing = false;

    public void Reached(long version)
    {
        for (var i = _waiting.Count - 1; i >= 0; i--)
        {
            if (_waiting[i].Version > version) continue;
            _waiting[i].Done.TrySetResult();
            _waiting.RemoveAt(i);
        }
    }

    public void FailAll(Exception error)
    {
        foreach (var (_, done) in _waiting) done.TrySetException(error);
        _waiting.Clear();
    }
}
