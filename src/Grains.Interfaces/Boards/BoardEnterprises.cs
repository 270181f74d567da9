namespace Programme.Boards;

[GenerateSerializer, Immutable]
public sealed record BoardEnterprises(
    [property: Id(0)] int AboveScale,
    [property: Id(1)] int Covered,
    [property: Id(2)] decimal Coverage,
    [property: Id(3)] int Uncovered,
    [property: Id(4)] int Total);
