namespace Programme.Commands;

/// <summary>Flags a project as a key project (重点项目) the city follows individually, or clears the flag. City staff only.</summary>
[GenerateSerializer, Immutable]
public sealed record SetKeyProject([property: Id(0)] string ProjectId, [property: Id(1)] bool Key);
