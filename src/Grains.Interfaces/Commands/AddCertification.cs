namespace Programme.Commands;

[GenerateSerializer, Immutable]
public sealed record AddCertification(
    [property: Id(0)] string? Kind,
    [property: Id(1)] string? Level,
    [property: Id(2)] string? Month);
