namespace Programme.Grains.Counties;

/// <summary>
/// The roster of one county. Members are only ever added: an enterprise that moved away stays listed and simply
/// answers with its new county when asked, which is cheaper than proving, under every race, that it can never return.
/// </summary>
public sealed class CountyRosterGrain(
    [PersistentState("county-roster", StorageNames.Programme)] IPersistentState<CountyRosterState> state) : Grain, ICountyRosterGrain
{
    public async Task Enrol(IReadOnlyCollection<string> enterpriseIds)
    {
        var added = new List<string>();
        foreach (var id in enterpriseIds)
            if (state.State.Members.Add(id)) added.Add(id);
        if (added.Count == 0) return;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not durable, so not enrolled: the caller's write must not happen either.
            foreach (var id in added) state.State.Members.Remove(id);
            throw;
        }
    }

    public Task<IReadOnlyCollection<string>> GetMembers() =>
        Task.FromResult<IReadOnlyCollection<string>>([.. state.State.Members]);
}
