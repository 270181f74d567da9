using Programme.Simulation;

namespace Programme.Grains.Simulation;

[GenerateSerializer, Alias("programme.scenario-directory-state")]
public sealed class ScenarioDirectoryState
{
    [Id(0)] public Dictionary<string, ScenarioSummary> Scenarios { get; set; } = new(StringComparer.Ordinal);
}
