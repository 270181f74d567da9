namespace Programme.Boards;

/// <summary>Above-scale and below-scale firms by operating status other than active.</summary>
[GenerateSerializer, Immutable]
public sealed record BoardOperating([property: Id(0)] int Halted, [property: Id(1)] int SemiHalted, [property: Id(2)] int Revived);
