namespace Programme.Commands;

/// <summary>A project leaves the project database (出库): "cancelled" (the project is cancelled) or "merged" into another project of the firm.</summary>
[GenerateSerializer, Immutable]
public sealed record ExitProject(
    [property: Id(0)] string ProjectId,
    [property: Id(1)] string? Reason,
    [property: Id(2)] string? MergedInto = null,
    [property: Id(3)] string? Note = null);
