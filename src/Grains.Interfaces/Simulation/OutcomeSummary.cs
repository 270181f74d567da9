namespace Programme.Simulation;

/// <summary>What completed projects delivered within the simulation (means over runs; gains as fractions).</summary>
[GenerateSerializer, Immutable]
public sealed record OutcomeSummary
{
    [Id(0)] public decimal CompletedProjects { get; init; }
    [Id(1)] public decimal ProductivityGain { get; init; }
    [Id(2)] public decimal EmissionsCut { get; init; }
    [Id(3)] public decimal CostCut { get; init; }
    [Id(4)] public decimal NewCertifications { get; init; }
    [Id(5)] public decimal GreenCertifications { get; init; }
    [Id(6)] public decimal SmartCertifications { get; init; }
    [Id(7)] public decimal Revived { get; init; }
    [Id(8)] public decimal Digital { get; init; }
    [Id(9)] public decimal Cloud { get; init; }
}
