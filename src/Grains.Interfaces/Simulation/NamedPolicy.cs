namespace Programme.Simulation;

/// <summary>An alternative policy compared against the same firms and the same random numbers.</summary>
[GenerateSerializer, Immutable]
public sealed record NamedPolicy([property: Id(0)] string Name, [property: Id(1)] PolicySettings Policy);
