namespace Programme.Grains.Enterprises;

/// <summary>
/// Bookkeeping of a coalescing writer inside one grain activation (single-threaded, so no locks): whether a write is in
/// flight, and who waits for which version to become durable. Usually one caller waits at a time: it is kept in a
/// field, and a list is made only for the others (an idle firm holds no list: ~120 B less per activation).
/// </summary>
internal sealed class DurableWrites
{
    private (long Version, TaskCompletionSource? Done) _first;
    private List<(long Version, TaskCompletionSource Done)>? _others;
    private bool _writing;

    public Task WaitFor(long version)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (_first.Done is null) _first = (version, done);
        else (_others ??= []).Add((version, done));
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
        if (_first.Done is { } first && _first.Version <= version)
        {
            first.TrySetResult();
            _first = default;
        }
        if (_others is not { } others) return;
        for (var i = others.Count - 1; i >= 0; i--)
        {
            if (others[i].Version > version) continue;
            others[i].Done.TrySetResult();
            others.RemoveAt(i);
        }
        if (others.Count == 0) _others = null;
    }

    public void FailAll(Exception error)
    {
        _first.Done?.TrySetException(error);
        _first = default;
        foreach (var (_, done) in _others ?? []) done.TrySetException(error);
        _others = null;
    }
}
