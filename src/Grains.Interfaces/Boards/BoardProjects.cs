namespace Programme.Boards;

[GenerateSerializer, Immutable]
public sealed record BoardProjects(
    [property: Id(0)] int Count,
    [property: Id(1)] int ThisYear,
    [property: Id(2)] int Intelligent,
    [property: Id(3)] int Green,
    [property: Id(4)] int Technical,
    [property: Id(5)] int CompletedThisYear);
