using System.Security.Claims;
using Programme.Domain;
using Programme.Grains;
using Programme.Grains.Counties;
using Programme.Grants;
using Programme.Web.Hosting;

namespace Programme.Web.Api;

/// <summary>
/// The county worklist (工作清单): what a county agent has to do next, read from the live state — above-scale firms not yet
/// covered and where their plan stands, projects behind their own annual plan, projects that have not reported the
/// reporting month (with the due date), and grant applications waiting on the county's review stages. Each item resolves
/// itself: once acted on, it leaves the list on the next read.
/// </summary>
public static class WorklistApi
{
    public const string UncoveredFirm = "uncovered-firm", BehindPlan = "behind-plan", Unreported = "unreported", ApplicationReview = "application-review";

    /// <summary>A project is behind its own plan when its investment this year is below this share of its plan pro rata.</summary>
    public const decimal BehindPlanShare = 0.8m;

    public sealed record WorklistItem
    {
        public required string Kind { get; init; }
        public required string EnterpriseId { get; init; }
        public required string EnterpriseName { get; init; }
        public string? ProjectId { get; init; }
        public string? ProjectName { get; init; }
        /// <summary>uncovered-firm: none, proposed, county-reviewed or entered (the furthest a not-yet-started project got).</summary>
        public string? PlanStatus { get; init; }
        public string? Month { get; init; }
        public string? DueDate { get; init; }
        /// <summary>behind-plan: the plan pro rata to the reporting month and what was invested this year, yuan.</summary>
        public decimal? Expected { get; init; }
        public decimal? Invested { get; init; }
        public string? BatchId { get; init; }
        public string? BatchName { get; init; }
        public int? ApplicationId { get; init; }
        public ReviewStage? Stage { get; init; }
    }

    public static IEndpointRouteBuilder MapWorklistApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/counties/{countyId}/worklist", async (string countyId, ClaimsPrincipal user, IGrainFactory grains, IConfiguration config) =>
        {
            if (!CountyCatalogue.Exists(countyId)) return Problems.UnknownCounty(countyId);
            var role = user.FindFirstValue(Roles.RoleClaim);
            if (role != Roles.City && !(role == Roles.County && Caller.CountyOf(user) == countyId))
                return Results.Problem(statusCode: 403, title: "Forbidden", detail: $"The worklist of {countyId} is for its county agents and city staff.");

            var calendar = (config.GetSection(ProgrammeOptions.Section).Get<ProgrammeOptions>() ?? new ProgrammeOptions()).Calendar;
            var at = calendar.ReportingMonth;
            var due = calendar.ReportDueDate;

            var firms = (await CountyFirms.Read(grains, countyId)).Where(f => f.AboveScale).ToList();

            var items = new List<WorklistItem>();
            foreach (var f in firms)
            {
                if (!f.Covered)
                    items.Add(new WorklistItem { Kind = UncoveredFirm, EnterpriseId = f.Id, EnterpriseName = f.Name, PlanStatus = PlanStatus(f) });
                foreach (var p in f.Projects)
                {
                    if (p.DueToReport(at) && p.Schedule.All(s => s.Month != at))
                        items.Add(new WorklistItem
                        {
                            Kind = Unreported, EnterpriseId = f.Id, EnterpriseName = f.Name, ProjectId = p.Id, ProjectName = p.Name,
                            Month = at.ToString(), DueDate = due,
                        });
                    if (Behind(p, at) is { } behind)
                        items.Add(new WorklistItem
                        {
                            Kind = BehindPlan, EnterpriseId = f.Id, EnterpriseName = f.Name, ProjectId = p.Id, ProjectName = p.Name,
                            Month = at.ToString(), Expected = behind.Expected, Invested = behind.Invested,
                        });
                }
            }
            foreach (var batch in await grains.GetGrain<IBatchCatalogueGrain>(GrainKeys.Batches).List())
                foreach (var stage in new[] { ReviewStage.CountyCheck, ReviewStage.CountyRecommendation })
                {
                    var page = await grains.GetGrain<IFundingBatchGrain>(batch.Id).ListApplications(new ApplicationFilter
                        { Stage = stage, CountyId = countyId, Status = ApplicationStatus.Pending, Take = 1000 });
                    foreach (var a in page?.Items ?? [])
                        items.Add(new WorklistItem
                        {
                            Kind = ApplicationReview, EnterpriseId = a.EnterpriseId, EnterpriseName = a.EnterpriseName, ProjectId = a.ProjectId,
                            ProjectName = a.ProjectName, BatchId = batch.Id, BatchName = batch.Name, ApplicationId = a.Id, Stage = stage,
                        });
                }

            string[] kinds = [UncoveredFirm, BehindPlan, Unreported, ApplicationReview];
            return Results.Ok(new
            {
                CountyId = countyId, Month = at.ToString(), DueDate = due,
                Counts = kinds.ToDictionary(k => k, k => items.Count(i => i.Kind == k)),
                Items = items,
            });
        }).RequireAuthorization().WithTags("County data");
        return app;
    }

    /// <summary>How far an uncovered firm's plan got: the furthest stage of its projects that have not left the database.</summary>
    private static string PlanStatus(Enterprise f)
    {
        var open = f.Projects.Where(p => p.Entry != ProjectEntry.Exited && p.Status != ProjectStatus.Cancelled).ToList();
        if (open.Any(p => p.Entry == ProjectEntry.Entered)) return "entered";
        if (open.Any(p => p.Entry == ProjectEntry.CountyReviewed)) return "county-reviewed";
        if (open.Any(p => p.Entry == ProjectEntry.Proposed)) return "proposed";
        return "none";
    }

    /// <summary>
    /// An underway project's own annual plan (年度计划投资) pro rata to the reporting month — over its months in the programme
    /// year — against what it invested this year: behind when below <see cref="BehindPlanShare"/> of it.
    /// </summary>
    private static (decimal Expected, decimal Invested)? Behind(Project p, YearMonth at)
    {
        if (p.Status != ProjectStatus.Underway || p.Entry != ProjectEntry.Entered || p.PlannedThisYear <= 0) return null;
        var first = p.StartMonth.Year < at.Year ? new YearMonth(at.Year, 1) : p.StartMonth;
        var last = p.EndMonth.Year > at.Year ? new YearMonth(at.Year, 12) : p.EndMonth;
        if (first > at || last < first) return null;
        var span = first.MonthsUntil(last) + 1;
        var elapsed = first.MonthsUntil(last < at ? last : at) + 1;
        var expected = decimal.Round(p.PlannedThisYear * elapsed / span, 2);
        var invested = p.Monthly.Where(m => m.Month.Year == at.Year && m.Month <= at).Sum(m => m.Amount);
        return invested < expected * BehindPlanShare ? (expected, invested) : null;
    }
}
