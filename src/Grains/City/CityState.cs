using Programme.Domain;

namespace Programme.Grains.City;

[GenerateSerializer]
public sealed class CityState
{
    [Id(0)] public ProgrammeTargets Targets { get; set; } = new();
}
