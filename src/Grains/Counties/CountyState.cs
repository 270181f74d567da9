using Programme.Domain;

namespace Programme.Grains.Counties;

/// <summary>
/// What a county persists: its targets and which enterprises report to it. The totals themselves are rebuilt from
/// those enterprises' own durable state on activation, so they always equal the sum of their parts.
/// </summary>
[GenerateSerializer]
public sealed class CountyState
{
    [Id(0)] public ProgrammeTargets Targets { get; set; } = new();
    [Id(1)] public HashSet<string> Members { get; set; } = new(StringComparer.Ordinal);
}
