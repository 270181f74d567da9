using Programme.Commands;

namespace Programme.Imports;

/// <summary>
/// One uploaded monthly report, keyed by a fresh id. Preview checks every row against the firms' current state and
/// lists every problem; apply changes all rows or none (a firm changed since the preview aborts and rolls back).
/// </summary>
public interface IImportGrain : IGrainWithStringKey
{
    /// <summary>Checks the rows; parse problems found while reading the file come in <paramref name="parseProblems"/>.</summary>
    Task<ImportSummary> Preview(string fileName, IReadOnlyList<ImportRow> rows, IReadOnlyList<RowProblem> parseProblems, ChangeContext context);

    Task<ImportSummary> Apply(ChangeContext context);

    [AlwaysInterleave]
    Task<ImportSummary?> Get();
}
