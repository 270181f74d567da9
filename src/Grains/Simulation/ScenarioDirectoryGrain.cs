using Programme.Simulation;

namespace Programme.Grains.Simulation;

/// <summary>The scenario list; entries past their expiry are dropped when the list is read or changed.</summary>
public sealed class ScenarioDirectoryGrain(
    [PersistentState("scenario-directory", StorageNames.Programme)] IPersistentState<ScenarioDirectoryState> state,
    TimeProvider clock) : Grain, IScenarioDirectoryGrain
{
    public async Task Add(ScenarioSummary scenario)
    {
        state.State.Scenarios[scenario.Id] = scenario;
        Prune();
        await state.WriteStateAsync();
    }

    public async Task Remove(string id)
    {
        if (state.State.Scenarios.Remove(id) | Prune()) await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<ScenarioSummary>> List()
    {
        var now = clock.GetUtcNow();
        IReadOnlyList<ScenarioSummary> list = state.State.Scenarios.Values.Where(s => s.ExpiresAt > now)
            .OrderByDescending(s => s.CreatedAt).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
        return Task.FromResult(list);
    }

    private bool Prune()
    {
        var now = clock.GetUtcNow();
        var expired = state.State.Scenarios.Where(kv => kv.Value.ExpiresAt <= now).Select(kv => kv.Key).ToList();
        foreach (var id in expired) state.State.Scenarios.Remove(id);
        return expired.Count > 0;
    }
}
