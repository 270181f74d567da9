using Programme.Domain;

namespace Programme.Grains.City;

/// <summary>The city's targets, and the epoch of its latest activation (see <see cref="Boards.BoardVersions"/>).</summary>
[GenerateSerializer, Alias("programme.city-state")]
public sealed class CityState
{
    [Id(0)] public ProgrammeTargets Targets { get; set; } = new();
    [Id(1)] public long Epoch { get; set; }
}
