using Programme.Domain;

namespace Programme.Simulation;

/// <summary>
/// An enterprise as a scenario starts from it (from the registry at a month, or copied from the live grain), compact.
/// Certification levels: 0 none, 1 city, 2 provincial, 3 national (the ladder 市级 → 省级 → 国家级).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SeedFirm
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string CountyId { get; init; }
    [Id(2)] public required string Sector { get; init; }
    [Id(3)] public bool AboveScale { get; init; }
    [Id(4)] public OperatingStatus Status { get; init; }
    [Id(5)] public SeedProject[] Projects { get; init; } = [];
    [Id(6)] public byte GreenLevel { get; init; }
    [Id(7)] public byte SmartLevel { get; init; }
    [Id(8)] public bool Digital { get; init; }
    [Id(9)] public bool Cloud { get; init; }
    [Id(10)] public long Grants { get; init; }
    [Id(11)] public long Version { get; init; }
}
