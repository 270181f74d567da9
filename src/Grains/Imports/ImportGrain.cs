using Microsoft.Extensions.Options;
using Programme.Aggregation;
using Programme.Commands;
using Programme.Domain;
using Programme.Grains.Enterprises;
using Programme.Imports;

namespace Programme.Grains.Imports;

/// <summary>
/// A monthly report upload (月报导入). Preview validates every row against the firms as they are now, lists every
/// problem and every change as old → new (blank cells and figures equal to those held change nothing), and flags
/// zeroing a reported month and large jumps. Apply changes only the confirmed rows (flagged ones only when listed),
/// each firm once (its rows together, at the version seen in the preview), then hands each county all of its firms'
/// new reports in one call, so the board moves once. If any firm refuses (it changed since the preview), the firms
/// already changed are put back and the import fails: all confirmed rows or none.
/// </summary>
public sealed class ImportGrain(
    [PersistentState("import", StorageNames.Programme)] IPersistentState<ImportState> state,
    IOptions<ProgrammeOptions> options,
    TimeProvider clock) : Grain, IImportGrain
{
    public const int MaxRows = 10_000;
    public const string ColumnEnterprise = "企业代码";
    public const string ColumnProject = "项目编号";
    public const string ColumnMonth = "月份";
    public const string ColumnInvested = "当月完成投资";
    private const int Parallelism = 32;
    private readonly ProgrammeCalendar _calendar = options.Value.Calendar;

    public Task<ImportSummary?> Get() => Task.FromResult(state.State.Summary);

    public async Task<ImportSummary> Preview(string fileName, IReadOnlyList<ImportRow> rows, IReadOnlyList<RowProblem> parseProblems, int blankRows, ChangeContext context)
    {
        if (state.State.Summary is { } existing) return existing;
        var problems = new List<RowProblem>(parseProblems);
        if (rows.Count > MaxRows) problems.Add(new RowProblem(0, "", $"at most {MaxRows} rows per file"));
        var first = new Dictionary<(string, string, string), int>();
        var unique = new List<ImportRow>();
        foreach (var r in rows)
        {
            if (first.TryGetValue((r.EnterpriseId, r.ProjectId, r.Month), out var earlier))
                problems.Add(new RowProblem(r.Row, ColumnMonth, $"duplicate of row {earlier}: the same firm, project and month"));
            else
            {
                first[(r.EnterpriseId, r.ProjectId, r.Month)] = r.Row;
                unique.Add(r);
            }
        }

        var unchanged = 0;
        var changes = new List<ImportChange>();
        var changingRows = new List<ImportRow>();
        var byFirm = unique.GroupBy(r => r.EnterpriseId).ToList();
        var firms = new Dictionary<string, Enterprise?>(StringComparer.Ordinal);
        foreach (var chunk in byFirm.Chunk(Parallelism))
        {
            var got = await Task.WhenAll(chunk.Select(g => GrainFactory.GetGrain<IEnterpriseGrain>(g.Key).Get()));
            for (var i = 0; i < chunk.Length; i++) firms[chunk[i].Key] = got[i];
        }
        foreach (var group in byFirm)
        {
            var firm = firms[group.Key];
            if (firm is null)
            {
                problems.AddRange(group.Select(r => new RowProblem(r.Row, ColumnEnterprise, $"unknown enterprise '{r.EnterpriseId}'")));
                continue;
            }
            if (context.CountyScope is { } scope && firm.CountyId != scope)
            {
                problems.AddRange(group.Select(r => new RowProblem(r.Row, ColumnEnterprise, $"the enterprise belongs to {firm.CountyId}, not to your county {scope}")));
                continue;
            }
            state.State.ExpectedVersions[firm.Id] = firm.Version;
            var next = firm;
            foreach (var r in group)
            {
                var project = next.Projects.FirstOrDefault(p => p.Id == r.ProjectId);
                if (project is null)
                {
                    problems.Add(new RowProblem(r.Row, ColumnProject, $"the enterprise has no project '{r.ProjectId}'"));
                    continue;
                }
                // A blank amount with no scheduling column is no change; a blank amount beside scheduling columns keeps the amount.
                if (r.Invested is null && !r.HasSchedule) { unchanged++; continue; }
                var held = project.Monthly.FirstOrDefault(m => m.Month.ToString() == r.Month)?.Amount ?? 0m;
                var invested = r.Invested ?? held;
                state.State.Before[Key(r)] = held;
                // The same figure as held and no scheduling column changes nothing, whatever the project's state (a
                // completed or cancelled project's reported months come back unchanged in a re-imported export).
                if (held == invested && !r.HasSchedule) { unchanged++; continue; }
                var heldSchedule = project.Schedule.FirstOrDefault(s => s.Month.ToString() == r.Month);
                if (heldSchedule is not null) state.State.BeforeSchedule[Key(r)] = heldSchedule;
                else state.State.BeforeSchedule.Remove(Key(r));
                var command = r.ToCommand(invested, heldSchedule);
                state.State.Commands[Key(r)] = command;
                var step = EnterpriseRules.ReportProgress(next, command, _calendar);
                if (step.Errors is { Any: true } errors)
                {
                    foreach (var (field, messages) in errors.ToDictionary())
                        foreach (var m in messages) problems.Add(new RowProblem(r.Row, Column(field), m));
                    continue;
                }
                if (step.Next is null) { unchanged++; continue; }
                next = step.Next;
                changingRows.Add(r);
                changes.Add(new ImportChange
                {
                    Row = r.Row, EnterpriseId = firm.Id, EnterpriseName = firm.Name, ProjectId = project.Id, ProjectName = project.Name,
                    Month = r.Month, Before = held, After = invested, Flags = ImportFlags.For(held, invested, project.TotalInvestment),
                });
            }
        }

        changes.Sort((a, b) => a.Row.CompareTo(b.Row));
        state.State.Rows = changingRows;
        state.State.CountyScope = context.CountyScope;
        state.State.Summary = new ImportSummary
        {
            Id = this.GetPrimaryKeyString(), FileName = fileName, Actor = context.Actor, CreatedAt = clock.GetUtcNow(),
            Status = problems.Count > 0 ? ImportStatus.Refused : ImportStatus.Previewed,
            Rows = rows.Count + blankRows, Changing = changes.Count, Unchanged = unchanged, Blank = blankRows,
            Enterprises = changes.Select(c => c.EnterpriseId).Distinct(StringComparer.Ordinal).Count(),
            Changes = problems.Count > 0 ? [] : changes, Flagged = changes.Count(c => c.Flags.Count > 0),
            Problems = problems.OrderBy(p => p.Row).ThenBy(p => p.Column, StringComparer.Ordinal).ToArray(),
        };
        await state.WriteStateAsync();
        return state.State.Summary;
    }

    public async Task<ImportSummary> Apply(ChangeContext context, IReadOnlyList<int>? rows = null)
    {
        var summary = state.State.Summary ?? throw new InvalidOperationException("Preview the file first.");
        if (summary.Status != ImportStatus.Previewed) return summary;
        if (context.CountyScope != state.State.CountyScope) throw new UnauthorizedAccessException("Only the county that previewed the file can apply it.");

        // Only what the agent confirmed: the rows listed, or (none listed) every change that needs no second look.
        var confirmed = rows is null
            ? summary.Changes.Where(c => c.Flags.Count == 0).Select(c => c.Row).ToHashSet()
            : rows.ToHashSet();
        var chosen = state.State.Rows.Where(r => confirmed.Contains(r.Row)).ToList();
        var ctx = context with { Via = "import", Source = summary.FileName };
        var groups = chosen.GroupBy(r => r.EnterpriseId).ToList();
        var results = new List<(string Firm, MonthlyReportResult Result)>();
        foreach (var chunk in groups.Chunk(Parallelism))
        {
            var done = await Task.WhenAll(chunk.Select(g => GrainFactory.GetGrain<IEnterpriseGrain>(g.Key).ApplyMonthlyReport(
                g.Select(r => state.State.Commands[Key(r)]).ToArray(),
                ctx with { ExpectedVersion = state.State.ExpectedVersions[g.Key] })));
            results.AddRange(chunk.Select((g, i) => (g.Key, done[i])));
        }

        var refused = results.Where(r => !r.Result.Result.Succeeded).ToList();
        if (refused.Count > 0)
        {
            var rollback = ctx with { Via = "import-rollback", ExpectedVersion = null };
            var undone = new List<EnterpriseReport>();
            foreach (var (firm, result) in results.Where(r => r.Result.Result.Outcome == CommandOutcome.Accepted))
            {
                var restore = chosen.Where(r => r.EnterpriseId == firm).Select(Restore).ToArray();
                var back = await GrainFactory.GetGrain<IEnterpriseGrain>(firm).ApplyMonthlyReport(restore, rollback);
                if (back.Report is not null) undone.Add(back.Report);
            }
            await HandToCounties(undone);
            var name = summary.Changes.FirstOrDefault(c => c.EnterpriseId == refused[0].Firm)?.EnterpriseName ?? refused[0].Firm;
            var why = refused[0].Result.Result.Outcome == CommandOutcome.VersionConflict
                ? $"enterprise {name} changed after the preview"
                : $"enterprise {name} refused the rows ({refused[0].Result.Result.Outcome})";
            state.State.Summary = summary with { Status = ImportStatus.Failed, Reason = $"{why}; nothing was applied — preview the file again." };
        }
        else
        {
            await HandToCounties(results.Where(r => r.Result.Result.Outcome == CommandOutcome.Accepted && r.Result.Report is not null)
                .Select(r => r.Result.Report!));
            state.State.Summary = summary with
            {
                Status = ImportStatus.Applied, AppliedAt = clock.GetUtcNow(), AppliedRows = chosen.Count,
                SkippedRows = summary.Changes.Count - chosen.Count,
                Changes = summary.Changes.Select(c => c with { Applied = confirmed.Contains(c.Row) }).ToArray(),
            };
        }
        await state.WriteStateAsync();
        return state.State.Summary;
    }

    private Task HandToCounties(IEnumerable<EnterpriseReport> reports) =>
        Task.WhenAll(reports.GroupBy(r => r.CountyId).Select(g => GrainFactory.GetGrain<ICountyGrain>(g.Key).Apply(g.ToArray())));

    private static string Key(ImportRow r) => $"{r.EnterpriseId}/{r.ProjectId}/{r.Month}";

    /// <summary>
    /// The command that puts a row's month back as it was at preview: its amount, and its scheduling report (形象进度,
    /// 存在问题, 纳统) as held — or none, if it held none and the row brought one.
    /// </summary>
    private ReportProgress Restore(ImportRow r)
    {
        var amount = new ReportProgress(r.ProjectId, r.Month, state.State.Before[Key(r)]);
        if (!r.HasSchedule) return amount;
        return state.State.BeforeSchedule.TryGetValue(Key(r), out var held)
            ? amount with { Progress = held.Progress, ProgressPercent = held.ProgressPercent, Problems = held.Problems ?? "", InStatistics = held.InStatistics }
            : amount with { ClearSchedule = true };
    }

    private static string Column(string field) => field switch
    {
        "month" => ColumnMonth,
        "invested" => ColumnInvested,
        _ => ColumnProject,
    };
}
