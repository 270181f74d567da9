using Programme.Commands;
using Programme.Imports;

namespace Programme.Grains.Imports;

[GenerateSerializer, Alias("programme.import-state")]
public sealed class ImportState
{
    [Id(0)] public ImportSummary? Summary { get; set; }
    [Id(1)] public List<ImportRow> Rows { get; set; } = [];
    /// <summary>Each firm's version at preview: apply requires it unchanged (all-or-nothing without locks).</summary>
    [Id(2)] public Dictionary<string, long> ExpectedVersions { get; set; } = new(StringComparer.Ordinal);
    /// <summary>What each (firm, project, month) held at preview, to roll back a partly applied import.</summary>
    [Id(3)] public Dictionary<string, decimal> Before { get; set; } = new(StringComparer.Ordinal);
    [Id(4)] public string? CountyScope { get; set; }
    /// <summary>The command each changing row applies (its amount and scheduling columns with blanks filled from what was held).</summary>
    [Id(5)] public Dictionary<string, ReportProgress> Commands { get; set; } = new(StringComparer.Ordinal);
    /// <summary>The scheduling report (月调度) each (firm, project, month) held at preview; absent: it held none.</summary>
    [Id(6)] public Dictionary<string, Domain.ScheduleReport> BeforeSchedule { get; set; } = new(StringComparer.Ordinal);
}
