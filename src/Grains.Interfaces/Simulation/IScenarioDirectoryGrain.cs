namespace Programme.Simulation;

/// <summary>
/// The list of scenarios that exist (key 0): scenarios add themselves when they start and remove themselves when they
/// are deleted or expire. Off the programme's write path: it changes only when a scenario starts or ends.
/// </summary>
public interface IScenarioDirectoryGrain : IGrainWithIntegerKey
{
    Task Add(ScenarioSummary scenario);

    Task Remove(string id);

    /// <summary>Newest first; expired entries are left out.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<ScenarioSummary>> List();
}
