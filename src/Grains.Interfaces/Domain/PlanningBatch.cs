namespace Programme.Domain;

/// <summary>
/// A planning batch (谋划批次) of the project database: a round in which firms planned transformation projects, with what
/// the bureau declared for it — firms, projects and total investment (yuan), by kind where the reply gives it. The
/// projects themselves carry the batch's id (<see cref="Project.PlanningBatch"/>).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PlanningBatch
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public string? Reference { get; init; }
    [Id(3)] public YearMonth Month { get; init; }
    [Id(4)] public int? Firms { get; init; }
    [Id(5)] public int Projects { get; init; }
    [Id(6)] public decimal TotalInvestment { get; init; }
    /// <summary>Per kind: projects and total investment, where declared.</summary>
    [Id(7)] public IReadOnlyList<PlanningKind> Kinds { get; init; } = [];
}

[GenerateSerializer, Immutable]
public sealed record PlanningKind([property: Id(0)] ProjectKind Kind, [property: Id(1)] int Projects, [property: Id(2)] decimal TotalInvestment);
