using Programme.Domain;

namespace Programme.Simulation;

/// <summary>
/// A project as a scenario starts from it: yuan invested so far, and what was invested since the last batch call.
/// A scheduled project (planned, not yet underway) begins in the simulation at its start month. <c>Pace</c>: what an underway
/// project invested a month lately (its last three reported months), which it keeps up until it is spent. <c>Equipment</c>:
/// its recorded eligible equipment investment (yuan; 0 when none is recorded), the base of machine-replaces-labour support.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SeedProject(
    [property: Id(0)] ProjectKind Kind,
    [property: Id(1)] long Total,
    [property: Id(2)] long Invested,
    [property: Id(3)] YearMonth Start,
    [property: Id(4)] YearMonth End,
    [property: Id(5)] bool Completed,
    [property: Id(6)] long InvestedSinceCall,
    [property: Id(7)] bool Scheduled = false,
    [property: Id(8)] long Pace = 0,
    [property: Id(9)] long Equipment = 0);
