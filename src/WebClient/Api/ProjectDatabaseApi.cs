using System.Security.Claims;
using Programme.Commands;
using Programme.Domain;
using Programme.Grains;
using Programme.Web.Hosting;
using Programme.Web.Spreadsheets;

namespace Programme.Web.Api;

/// <summary>
/// The project database (项目库, docs/CONTRACT.md): its planning batches, the projects filtered by batch, kind, county,
/// status, database stage and key flag (JSON, CSV or XLSX), and the reviews that move a project in (入库) and out (出库).
/// </summary>
public static class ProjectDatabaseApi
{
    public sealed record EntryBody(string? Decision, string? Note);
    public sealed record ExitBody(string? Reason, string? MergedInto, string? Note);
    public sealed record KeyBody(bool? Key);

    // A planning batch as /api/planning-batches answers it: named records rather than anonymous types, so the request
    // delegate can be generated at compile time (the generator cannot name an anonymous type); same JSON fields.
    public sealed record PlanningBatchReply(string Id, string Name, string? Reference, string Month, DeclaredFigures Declared, HeldFigures Held);
    public sealed record DeclaredFigures(int? Firms, int Projects, decimal TotalInvestment, IEnumerable<KindFigures> Kinds);
    public sealed record HeldFigures(int Firms, int Projects, decimal TotalInvestment, IEnumerable<KindFigures> Kinds, int Entered, int Exited, int Started);
    public sealed record KindFigures(string Kind, int Projects, decimal TotalInvestment);

    /// <summary>One project of the database, with its firm.</summary>
    public sealed record ProjectRow(
        string EnterpriseId, string EnterpriseName, string CountyId, bool AboveScale, string ProjectId, string Name, string Kind,
        string Status, string Entry, string? PlanningBatch, bool Key, decimal TotalInvestment, decimal PlannedThisYear,
        decimal Invested, string StartMonth, string EndMonth, string? ExitReason, string? MergedInto);

    public static IEndpointRouteBuilder MapProjectDatabaseApi(this IEndpointRouteBuilder app)
    {
        var reads = app.MapGroup("/api").WithTags("Project database");
        reads.MapGet("/planning-batches", async (IGrainFactory grains) =>
        {
            var rows = await AllRows(grains);
            return PlanningBatches.All.Select(b =>
            {
                var mine = rows.Where(r => r.PlanningBatch == b.Id).ToList();
                return new PlanningBatchReply(
                    b.Id, b.Name, b.Reference, b.Month.ToString(),
                    new DeclaredFigures(b.Firms, b.Projects, b.TotalInvestment, b.Kinds.Select(k => new KindFigures(Wire.Name(k.Kind), k.Projects, k.TotalInvestment))),
                    new HeldFigures(
                        mine.Select(r => r.EnterpriseId).Distinct().Count(), mine.Count, mine.Sum(r => r.TotalInvestment),
                        Enum.GetValues<ProjectKind>().Select(k => new KindFigures(
                            Wire.Name(k), mine.Count(r => r.Kind == Wire.Name(k)), mine.Where(r => r.Kind == Wire.Name(k)).Sum(r => r.TotalInvestment))),
                        Entered: mine.Count(r => r.Entry == Wire.Name(ProjectEntry.Entered)),
                        Exited: mine.Count(r => r.Entry == Wire.Name(ProjectEntry.Exited)),
                        Started: mine.Count(r => r.Status is "underway" or "completed")));
            });
        });

        reads.MapGet("/projects", async (IGrainFactory grains, string? county, string? batch, string? kind, string? status, string? entry,
            bool? key, int? skip, int? take, string? format) =>
        {
            var errors = new Dictionary<string, string[]>();
            if (county is not null && !CountyCatalogue.Exists(county)) errors["county"] = [$"must be one of: {CountyCatalogue.AllowedIds}"];
            if (batch is not null && batch != "none" && !PlanningBatches.Exists(batch)) errors["batch"] = [$"must be one of: {PlanningBatches.AllowedIds}, none"];
            if (kind is not null && !Wire.TryParse<ProjectKind>(kind, out _)) errors["kind"] = [$"must be one of: {Wire.Allowed<ProjectKind>()}"];
            if (status is not null && !Wire.TryParse<ProjectStatus>(status, out _)) errors["status"] = [$"must be one of: {Wire.Allowed<ProjectStatus>()}"];
            if (entry is not null && !Wire.TryParse<ProjectEntry>(entry, out _)) errors["entry"] = [$"must be one of: {Wire.Allowed<ProjectEntry>()}"];
            if (format is not null && format is not (SpreadsheetFormat.Csv or SpreadsheetFormat.Xlsx)) errors["format"] = ["must be csv or xlsx"];
            if (skip is < 0) errors["skip"] = ["must not be negative"];
            if (take is < 1 or > 1000) errors["take"] = ["must be 1–1000"];
            if (errors.Count > 0) return Results.ValidationProblem(errors);

            var rows = (await AllRows(grains, county))
                .Where(r => batch is null || (batch == "none" ? r.PlanningBatch is null : r.PlanningBatch == batch))
                .Where(r => kind is null || r.Kind == kind)
                .Where(r => status is null || r.Status == status)
                .Where(r => entry is null || r.Entry == entry)
                .Where(r => key is null || r.Key == key)
                .OrderBy(r => r.CountyId, StringComparer.Ordinal).ThenBy(r => r.EnterpriseId, StringComparer.Ordinal).ThenBy(r => r.ProjectId, StringComparer.Ordinal)
                .ToList();
            if (format is null)
                return Results.Ok(new { Total = rows.Count, TotalInvestment = rows.Sum(r => r.TotalInvestment), Items = rows.Skip(skip ?? 0).Take(take ?? 100) });
            string[] header = ["县（市、区）", "企业代码", "企业名称", "项目编号", "项目名称", "改造类型", "项目状态", "入库状态", "谋划批次", "重点项目",
                "总投资（元）", "年度计划投资（元）", "累计完成投资（元）", "开始月份", "结束月份", "出库原因"];
            var lines = rows.Select(r => new object?[]
            {
                CountyCatalogue.Get(r.CountyId).NameZh, r.EnterpriseId, r.EnterpriseName, r.ProjectId, r.Name, KindZh(r.Kind), StatusZh(r.Status),
                EntryZh(r.Entry), r.PlanningBatch is null ? null : PlanningBatches.All.Single(b => b.Id == r.PlanningBatch).Name, r.Key ? "是" : "否",
                r.TotalInvestment, r.PlannedThisYear, r.Invested, r.StartMonth, r.EndMonth,
                r.ExitReason switch { "cancelled" => "取消", "merged" => $"合并至 {r.MergedInto}", _ => null },
            });
            return Results.File(SpreadsheetWriter.Write(format, "项目库", header, lines),
                format == SpreadsheetFormat.Csv ? SpreadsheetFormat.CsvType : SpreadsheetFormat.XlsxType, $"项目库-{county ?? "全市"}.{format}");
        });

        // 月调度: which of a county's underway projects have reported the month, and by when the reports are due.
        reads.MapGet("/counties/{countyId}/schedule", async (string countyId, string? month, bool? reported, IGrainFactory grains,
            IConfiguration config, IServiceProvider services) =>
        {
            if (!CountyCatalogue.Exists(countyId)) return Problems.UnknownCounty(countyId);
            var calendar = (config.GetSection(ProgrammeOptions.Section).Get<ProgrammeOptions>() ?? new ProgrammeOptions()).Calendar;
            YearMonth at = calendar.ReportingMonth;
            if (month is not null && (!YearMonth.TryParse(month, out at) || at > calendar.ReportingMonth))
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["month"] = [$"must be a month \"YYYY-MM\" up to the reporting month {calendar.ReportingMonth}"] });
            var due = (calendar with { ReportingMonth = at }).ReportDueDate;
            var members = await grains.GetGrain<ICountyRosterGrain>(countyId).GetMembers();
            var firms = await Task.WhenAll(members.Select(m => grains.GetGrain<IEnterpriseGrain>(m).Get()));
            var items = firms.Where(f => f is not null && f.CountyId == countyId && f.AboveScale)
                .SelectMany(f => f!.Projects.Where(p => p.DueToReport(at)).Select(p =>
                {
                    var report = p.Schedule.FirstOrDefault(x => x.Month == at);
                    var last = p.Schedule.LastOrDefault(x => x.Month <= at);
                    return new
                    {
                        EnterpriseId = f.Id, EnterpriseName = f.Name, ProjectId = p.Id, p.Name, Kind = Wire.Name(p.Kind), p.Key,
                        Reported = report is not null,
                        Invested = p.Monthly.Where(m => m.Month == at).Sum(m => m.Amount),
                        Progress = report?.Progress, report?.ProgressPercent, report?.Problems, report?.InStatistics,
                        LastReported = last?.Month.ToString(), LastProgressPercent = last?.ProgressPercent,
                    };
                }))
                .OrderBy(x => x.Reported).ThenBy(x => x.EnterpriseId, StringComparer.Ordinal).ThenBy(x => x.ProjectId, StringComparer.Ordinal)
                .ToList();
            var dueAt = new DateTimeOffset(DateTime.ParseExact(due, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).AddDays(1), TimeSpan.FromHours(8));
            return Results.Ok(new
            {
                Month = at.ToString(), DueDate = due, Overdue = (services.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow() >= dueAt,
                Due = items.Count, Reported = items.Count(x => x.Reported),
                Completeness = items.Count == 0 ? 0m : Math.Round((decimal)items.Count(x => x.Reported) / items.Count, 6),
                Items = items.Where(x => reported is null || x.Reported == reported),
            });
        });

        var writes = app.MapGroup("/api/enterprises/{id}/projects/{projectId}").WithTags("Project database")
            .RequireAuthorization(Roles.WritePolicy).RequireRateLimiting(AuthSetup.WritesLimiter);
        writes.MapPost("/entry", (string id, string projectId, EntryBody body, IGrainFactory grains, ClaimsPrincipal user, HttpContext http) =>
            Write(id, http, user, grains, (g, ctx) => g.ReviewProjectEntry(new ReviewProjectEntry(projectId, body.Decision, body.Note), ctx)));
        writes.MapPost("/exit", (string id, string projectId, ExitBody body, IGrainFactory grains, ClaimsPrincipal user, HttpContext http) =>
            Write(id, http, user, grains, (g, ctx) => g.ExitProject(new ExitProject(projectId, body.Reason, body.MergedInto, body.Note), ctx)));
        writes.MapPut("/key", (string id, string projectId, KeyBody body, IGrainFactory grains, ClaimsPrincipal user, HttpContext http) =>
            body.Key is null
                ? Task.FromResult(Results.ValidationProblem(new Dictionary<string, string[]> { ["key"] = ["is required: true or false"] }))
                : Write(id, http, user, grains, (g, ctx) => g.SetKeyProject(new SetKeyProject(projectId, body.Key.Value), ctx)));
        return app;
    }

    private static string KindZh(string kind) => kind switch { "intelligent" => "智能化改造", "green" => "绿色化改造", _ => "技术改造" };
    private static string StatusZh(string status) => status switch { "planned" => "谋划", "underway" => "在建", "completed" => "竣工", _ => "取消" };
    private static string EntryZh(string entry) => entry switch { "entered" => "已入库", "proposed" => "待县级审核", "county-reviewed" => "待市级审核", _ => "已出库" };

    /// <summary>Every project of every firm on the rosters (of one county, or all), read from the firms themselves.</summary>
    private static async Task<List<ProjectRow>> AllRows(IGrainFactory grains, string? county = null)
    {
        var counties = county is null ? CountyCatalogue.All.Select(c => c.Id) : [county];
        var rows = new List<ProjectRow>();
        foreach (var c in counties)
        {
            var members = await grains.GetGrain<ICountyRosterGrain>(c).GetMembers();
            var firms = await Task.WhenAll(members.Select(m => grains.GetGrain<IEnterpriseGrain>(m).Get()));
            foreach (var f in firms)
            {
                if (f is null || f.CountyId != c) continue;
                rows.AddRange(f.Projects.Select(p => new ProjectRow(f.Id, f.Name, f.CountyId, f.AboveScale, p.Id, p.Name, Wire.Name(p.Kind),
                    Wire.Name(p.Status), Wire.Name(p.Entry), p.PlanningBatch, p.Key, p.TotalInvestment, p.PlannedThisYear, p.Invested,
                    p.StartMonth.ToString(), p.EndMonth.ToString(), p.ExitReason, p.MergedInto)));
            }
        }
        return rows;
    }

    private static async Task<IResult> Write(string id, HttpContext http, ClaimsPrincipal user, IGrainFactory grains,
        Func<IEnterpriseGrain, ChangeContext, Task<CommandResult>> command)
    {
        if (!Grains.Enterprises.EnterpriseIds.IsValid(id))
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["id"] = ["must be 1–64 characters of A–Z, a–z, 0–9, '_' or '-'"] });
        if (!Caller.TryExpectedVersion(http.Request, out var expected))
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["If-Match"] = ["must be the ETag of the enterprise, e.g. \"7\""] });
        var result = await command(grains.GetGrain<IEnterpriseGrain>(id), Caller.Context(user, http, expectedVersion: expected));
        if (result.Succeeded) http.Response.Headers.ETag = Caller.ETag(result.Version);
        return Problems.From(result, () => Results.Ok(new { version = result.Version, changed = result.Outcome == CommandOutcome.Accepted }));
    }
}
