using Programme.Simulation;

namespace Programme.Grains.Simulation;

/// <summary>What an analysis persists: its definition and, once done, its results (the cache).</summary>
[GenerateSerializer, Alias("programme.analysis-state")]
public sealed class AnalysisState
{
    [Id(0)] public AnalysisDefinition? Definition { get; set; }
    [Id(1)] public string Status { get; set; } = "running";
    [Id(2)] public AnalysisResults? Results { get; set; }
    [Id(3)] public string? Error { get; set; }
    [Id(4)] public DateTimeOffset CreatedAt { get; set; }
    [Id(5)] public double ElapsedSeconds { get; set; }
}
