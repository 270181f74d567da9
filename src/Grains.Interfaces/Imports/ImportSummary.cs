namespace Programme.Imports;

/// <summary>An import as the preview and the apply step report it.</summary>
[GenerateSerializer, Immutable]
public sealed record ImportSummary
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string FileName { get; init; }
    [Id(2)] public ImportStatus Status { get; init; }
    [Id(3)] public int Rows { get; init; }
    [Id(4)] public int Changing { get; init; }
    [Id(5)] public int Unchanged { get; init; }
    [Id(6)] public int Enterprises { get; init; }
    [Id(7)] public IReadOnlyList<RowProblem> Problems { get; init; } = [];
    [Id(8)] public string? Reason { get; init; }
    [Id(9)] public required string Actor { get; init; }
    [Id(10)] public DateTimeOffset CreatedAt { get; init; }
    [Id(11)] public DateTimeOffset? AppliedAt { get; init; }
}
