using Programme.Domain;
using Programme.Grants;

namespace Programme.Grains.Data;

/// <summary>A programme dataset: the enterprise registry, the targets of the city and each county, and funding batches.</summary>
public sealed record Dataset(
    string Name,
    IReadOnlyList<Enterprise> Enterprises,
    ProgrammeTargets CityTargets,
    IReadOnlyDictionary<string, ProgrammeTargets> CountyTargets)
{
    /// <summary>Funding batches with their applications, loaded after the enterprises they refer to.</summary>
    public IReadOnlyList<BatchSeed> Batches { get; init; } = [];
}
