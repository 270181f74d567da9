using Programme.Simulation;

namespace Programme.Grains.Simulation;

/// <summary>What an analysis persists: its definition and, once done, its results (the cache).</summary>
public sealed class AnalysisState
{
    public AnalysisDefinition? Definition { get; set; }
    public string Status { get; set; } = "running";
    public AnalysisResults? Results { get; set; }
    public string? Error { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public double ElapsedSeconds { get; set; }
}
