using Programme.Domain;

namespace Programme.Grains.City;

/// <summary>The city's targets. The totals are the counties', asked for again whenever the city activates.</summary>
[GenerateSerializer, Alias("programme.city-state")]
public sealed class CityState
{
    [Id(0)] public ProgrammeTargets Targets { get; set; } = new();
}
