using Programme.Commands;

namespace Programme.Imports;

/// <summary>
/// One uploaded monthly report, keyed by a fresh id. Preview checks every row against the firms' current state, lists
/// every problem and every change (old → new, flagged when it zeroes a reported month or jumps); apply changes the
/// confirmed rows all together or none (a firm changed since the preview aborts and rolls back).
/// </summary>
public interface IImportGrain : IGrainWithStringKey
{
    /// <summary>Checks the rows; parse problems found while reading the file come in <paramref name="parseProblems"/>,
    /// <paramref name="blankRows"/> counts rows left blank (no change).</summary>
    Task<ImportSummary> Preview(string fileName, IReadOnlyList<ImportRow> rows, IReadOnlyList<RowProblem> parseProblems, int blankRows, ChangeContext context);

    /// <summary>
    /// Applies the changes of the given rows (spreadsheet row numbers); null applies every change that is not flagged.
    /// A flagged change is applied only when its row is listed. Rows that change nothing are ignored.
    /// Applying again returns the first result and changes nothing.
    /// </summary>
    Task<ImportSummary> Apply(ChangeContext context, IReadOnlyList<int>? rows = null);

    [AlwaysInterleave]
    Task<ImportSummary?> Get();
}
