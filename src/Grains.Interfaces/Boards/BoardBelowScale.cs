namespace Programme.Boards;

/// <summary>Below-scale firms (规下企业) taking part, reported apart from the programme's scope.</summary>
[GenerateSerializer, Immutable]
public sealed record BoardBelowScale([property: Id(0)] int Enterprises, [property: Id(1)] int Projects);
