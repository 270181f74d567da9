using Programme.Simulation;

namespace Programme.Grains.Simulation;

[GenerateSerializer]
public sealed class ScenarioDirectoryState
{
    [Id(0)] public Dictionary<string, ScenarioSummary> Scenarios { get; set; } = new(StringComparer.Ordinal);
}
