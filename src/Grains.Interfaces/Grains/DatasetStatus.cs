namespace Programme.Grains;

[GenerateSerializer, Immutable]
public sealed record DatasetStatus(
    [property: Id(0)] string Name,
    [property: Id(1)] bool Loaded,
    [property: Id(2)] int Enterprises,
    [property: Id(3)] DateTimeOffset? LoadedAt);
