using Programme.Domain;

namespace Programme.Grains.Data;

/// <summary>A programme dataset: the enterprise registry and the targets of the city and each county.</summary>
public sealed record Dataset(
    string Name,
    IReadOnlyList<Enterprise> Enterprises,
    ProgrammeTargets CityTargets,
    IReadOnlyDictionary<string, ProgrammeTargets> CountyTargets);
