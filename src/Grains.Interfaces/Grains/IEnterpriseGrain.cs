using Programme.Aggregation;
using Programme.Commands;
using Programme.Domain;

namespace Programme.Grains;

/// <summary>One enterprise (企业), keyed by its id. Every command validates first; a rejected one changes nothing.</summary>
public interface IEnterpriseGrain : IGrainWithStringKey
{
    /// <summary>The enterprise, or null if it was never registered.</summary>
    [AlwaysInterleave]
    Task<Enterprise?> Get();

    Task<CommandResult> Upsert(UpsertEnterprise command, ChangeContext context);
    Task<CommandResult> AddProject(AddProject command, ChangeContext context);
    Task<CommandResult> ReportProgress(ReportProgress command, ChangeContext context);
    Task<CommandResult> SetProjectStatus(SetProjectStatus command, ChangeContext context);
    Task<CommandResult> SetMilestone(SetMilestone command, ChangeContext context);
    Task<CommandResult> AddCertification(AddCertification command, ChangeContext context);
    Task<CommandResult> RecordGrant(RecordGrant command, ChangeContext context);
    /// <summary>Project database (项目库): review a proposed project (county, then city: 入库), take one out (出库), flag a key project (city only).</summary>
    Task<CommandResult> ReviewProjectEntry(ReviewProjectEntry command, ChangeContext context);
    Task<CommandResult> ExitProject(ExitProject command, ChangeContext context);
    Task<CommandResult> SetKeyProject(SetKeyProject command, ChangeContext context);

    /// <summary>
    /// Applies a firm's rows of a monthly report as one change (one version, one audit entry). Unlike the other commands
    /// it does not notify its county itself: the import hands all firms' reports to each county in one batch, so the
    /// board moves once per import.
    /// </summary>
    Task<Imports.MonthlyReportResult> ApplyMonthlyReport(IReadOnlyList<ReportProgress> rows, ChangeContext context);

    /// <summary>Loads a whole enterprise from a dataset, only if this id holds nothing yet (idempotent).</summary>
    Task<bool> Seed(Enterprise enterprise);

    /// <summary>The enterprise's change history, newest first.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<AuditEntry>> GetHistory();

    /// <summary>Only the recent changes the firm keeps in its own state (no archive pages read), newest first.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<AuditEntry>> GetRecentHistory();

    /// <summary>The report the county should hold for this firm now (used when a county rebuilds its totals).</summary>
    [AlwaysInterleave]
    Task<EnterpriseReport?> GetReport();
}
