namespace Programme.Commands;

[GenerateSerializer, Immutable]
public sealed record SetProjectStatus([property: Id(0)] string ProjectId, [property: Id(1)] string? Status);
