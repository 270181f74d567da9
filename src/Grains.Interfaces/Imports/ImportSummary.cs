namespace Programme.Imports;

/// <summary>An import as the preview and the apply step report it.</summary>
[GenerateSerializer, Immutable, Alias("programme.import-summary")]
public sealed record ImportSummary
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string FileName { get; init; }
    [Id(2)] public ImportStatus Status { get; init; }
    /// <summary>Data rows read from the file (blank ones included).</summary>
    [Id(3)] public int Rows { get; init; }
    /// <summary>Rows that would change a figure (= <see cref="Changes"/>.Count).</summary>
    [Id(4)] public int Changing { get; init; }
    /// <summary>Rows that set what is already held.</summary>
    [Id(5)] public int Unchanged { get; init; }
    [Id(6)] public int Enterprises { get; init; }
    [Id(7)] public IReadOnlyList<RowProblem> Problems { get; init; } = [];
    [Id(8)] public string? Reason { get; init; }
    [Id(9)] public required string Actor { get; init; }
    [Id(10)] public DateTimeOffset CreatedAt { get; init; }
    [Id(11)] public DateTimeOffset? AppliedAt { get; init; }
    /// <summary>Rows whose value cells are blank: no change.</summary>
    [Id(12)] public int Blank { get; init; }
    /// <summary>Every change, old → new, in row order.</summary>
    [Id(13)] public IReadOnlyList<ImportChange> Changes { get; init; } = [];
    /// <summary>Changes that need explicit confirmation.</summary>
    [Id(14)] public int Flagged { get; init; }
    /// <summary>After apply: the rows applied and the changes left out (not confirmed).</summary>
    [Id(15)] public int AppliedRows { get; init; }
    [Id(16)] public int SkippedRows { get; init; }
}
