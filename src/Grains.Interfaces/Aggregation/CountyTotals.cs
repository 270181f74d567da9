using Programme.Domain;

namespace Programme.Aggregation;

/// <summary>A county's live totals and targets, as it reports them to the city (newest version wins).</summary>
[GenerateSerializer, Immutable]
public sealed record CountyTotals(
    [property: Id(0)] string CountyId,
    [property: Id(1)] long Version,
    [property: Id(2)] Contribution Totals,
    [property: Id(3)] ProgrammeTargets Targets);
