using Programme.Domain;

namespace Programme.Grains.Counties;

/// <summary>
/// What a county persists: its targets. The totals are rebuilt from the enterprises on its roster (<see cref="CountyRosterGrain"/>), from their own durable
/// state, whenever it activates, so they always equal the sum of their parts.
/// </summary>
[GenerateSerializer, Alias("programme.county-state")]
public sealed class CountyState
{
    [Id(0)] public ProgrammeTargets Targets { get; set; } = new();
    // [Id(1)] held the member list before rosters had grains of their own; do not reuse it.
}
