namespace Programme.Boards;

[GenerateSerializer, Immutable]
public sealed record BoardCertifications(
    [property: Id(0)] int SmartThisYear,
    [property: Id(1)] int SmartTarget,
    [property: Id(2)] int GreenThisYear,
    [property: Id(3)] int GreenTarget,
    [property: Id(4)] int Total);
