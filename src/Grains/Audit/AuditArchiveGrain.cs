namespace Programme.Grains.Audit;

/// <summary>An immutable page of an enterprise's audit trail (see <see cref="IAuditArchiveGrain"/>).</summary>
public sealed class AuditArchiveGrain(
    [PersistentState("audit-page", StorageNames.Programme)] IPersistentState<AuditPageState> state) : Grain, IAuditArchiveGrain
{
    public async Task Store(Domain.AuditEntry[] entries)
    {
        var held = state.State.Entries;
        if (held.Length == entries.Length && held.Select(e => e.Version).SequenceEqual(entries.Select(e => e.Version))) return;
        state.State.Entries = entries;
        await state.WriteStateAsync();
    }

    public Task<Domain.AuditEntry[]> Get() => Task.FromResult(state.State.Entries);
}
