using System.Security.Claims;
using Programme.Commands;
using Programme.Domain;
using Programme.Grains;
using Programme.Grains.Enterprises;
using Programme.Grants;
using Programme.Web.Hosting;

namespace Programme.Web.Api.Batches;

/// <summary>
/// Funding batches: reads are open; county agents apply and decide the county stages for their own county; city staff
/// open batches, decide the city's stages, publish the notice, award and pay. Role and county are checked per stage by the
/// batch itself, atomically with the decision.
/// </summary>
public static class BatchApi
{
    public static IEndpointRouteBuilder MapBatchApi(this IEndpointRouteBuilder app)
    {
        // Every write may carry an Idempotency-Key (Idempotency.cs): a retried payment is paid once.
        var api = app.MapGroup("/api/batches").WithTags("Funding batches").AddEndpointFilter<Idempotency>().WithMetadata(new Idempotency.Metadata());

        api.MapGet("", async (IGrainFactory grains) => await grains.GetGrain<IBatchCatalogueGrain>(GrainKeys.Batches).List())
            .WithSummary("The funding batches, newest first");

        api.MapPost("", async (CreateBatchBody body, IGrainFactory grains, ClaimsPrincipal user, HttpContext http) =>
        {
            if (!EnterpriseIds.IsValid(body.Id))
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["id"] = ["is required: 1–64 characters of A–Z, a–z, 0–9, '_' or '-' (e.g. 2023-1)"] });
            var command = new CreateBatch(body.Name, body.WindowFrom, body.WindowTo, body.Kinds, body.Subsidy, body.Rewards, body.Budget, body.Reference)
            {
                Themes = body.Themes, MachineReplacesLabour = body.MachineReplacesLabour,
            };
            var result = await grains.GetGrain<IFundingBatchGrain>(body.Id!).Create(command, Caller.Context(user, http));
            return From(result, () => Results.Created($"/api/batches/{body.Id}", new { id = body.Id, version = result.Version }));
        })
        .RequireAuthorization(Roles.CityPolicy).RequireRateLimiting(AuthSetup.WritesLimiter)
        .WithSummary("Open a funding batch (city staff)")
        .Produces(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

        var batch = api.MapGroup("/{batchId}");

        batch.MapGet("", async (string batchId, IGrainFactory grains) =>
            await Batch(grains, batchId).GetBoard() is { } board ? Results.Ok(board) : Missing(batchId))
            .WithSummary("The batch's board: counts and amounts, class split, stages, funnel, budget, counties, waiting list")
            .Produces<BatchBoard>().ProducesProblem(StatusCodes.Status404NotFound).WithConditionalReads();

        batch.MapPut("/budget", (string batchId, BudgetBody body, IGrainFactory grains, ClaimsPrincipal user, HttpContext http) =>
            Write(grains, batchId, g => g.SetBudget(body.Budget, Caller.Context(user, http))))
            .RequireAuthorization(Roles.CityPolicy).RequireRateLimiting(AuthSetup.WritesLimiter)
            .WithSummary("Set the cap (null: uncapped); raising it funds the waiting list in rank order");

        batch.MapPost("/close", (string batchId, IGrainFactory grains, ClaimsPrincipal user, HttpContext http) =>
            Write(grains, batchId, g => g.CloseApplications(Caller.Context(user, http))))
            .RequireAuthorization(Roles.CityPolicy).RequireRateLimiting(AuthSetup.WritesLimiter)
            .WithSummary("Stop taking new applications (截止申报)");

        batch.MapGet("/applications", async (string batchId, IGrainFactory grains, string? stage, string? county, string? @class,
            string? status, string? enterpriseId, int? skip, int? take) =>
        {
            var errors = new Dictionary<string, string[]>();
            ReviewStage? s = null;
            if (stage is not null)
            {
                if (Wire.TryParse<ReviewStage>(stage, out var parsed)) s = parsed;
                else errors["stage"] = [$"must be one of: {Wire.Allowed<ReviewStage>()}"];
            }
            if (county is not null && !CountyCatalogue.Exists(county)) errors["county"] = [$"must be one of: {CountyCatalogue.AllowedIds}"];
            GrantClass? c = null;
            if (@class is not null)
            {
                if (Wire.TryParse<GrantClass>(@class, out var parsed)) c = parsed;
                else errors["class"] = [$"must be one of: {Wire.Allowed<GrantClass>()}"];
            }
            ApplicationStatus? st = null;
            if (status is not null)
            {
                if (Wire.TryParse<ApplicationStatus>(status, out var parsed)) st = parsed;
                else errors["status"] = [$"must be one of: {Wire.Allowed<ApplicationStatus>()}"];
            }
            if (skip < 0) errors["skip"] = ["must not be negative"];
            if (take is < 1 or > 1000) errors["take"] = ["must be between 1 and 1000"];
            if (errors.Count > 0) return Results.ValidationProblem(errors);
            var filter = new ApplicationFilter { Stage = s, CountyId = county, Class = c, Status = st, EnterpriseId = enterpriseId, Skip = skip ?? 0, Take = take ?? 100 };
            var page = await Batch(grains, batchId).ListApplications(filter);
            return page is null ? Missing(batchId) : Results.Ok(new ApplicationListView(page.Total, [.. page.Items.Select(a => ApplicationView.From(batchId, a, withHistory: false))]));
        })
        .WithSummary("List applications; stage = waiting there now (county-check … disbursement), filters combine")
        .Produces<ApplicationListView>().ProducesValidationProblem();

        batch.MapPost("/applications", (string batchId, ApplyForGrant body, IGrainFactory grains, ClaimsPrincipal user, HttpContext http) =>
            Write(grains, batchId, g => g.Apply(body, Caller.Context(user, http)),
                r => Results.Created($"/api/batches/{batchId}/applications/{r.ApplicationId}", new { id = r.ApplicationId, version = r.Version })))
            .RequireAuthorization(Roles.WritePolicy).RequireRateLimiting(AuthSetup.WritesLimiter)
            .WithSummary("Apply for a project of a firm (county agents for their own county, city staff for any)")
            .Produces(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);

        var one = batch.MapGroup("/applications/{applicationId:int}");

        one.MapGet("", async (string batchId, int applicationId, IGrainFactory grains) =>
        {
            if (await Batch(grains, batchId).GetApplication(applicationId) is not { } a)
                return Problems.NotFound($"No application {applicationId} in batch '{batchId}'.");
            // People read who acted by their display names, not account ids.
            var names = new Programme.Web.Api.History.HistoryNames(grains);
            var actors = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var actor in a.History.Select(h => h.Actor).Distinct(StringComparer.Ordinal)) actors[actor] = await names.Actor(actor);
            return Results.Ok(ApplicationView.From(batchId, a, withHistory: true, actors));
        })
            .WithSummary("One application with its full history (who, when, what, why; voided approvals marked)")
            .Produces<ApplicationView>().ProducesProblem(StatusCodes.Status404NotFound);

        one.MapPost("/decisions", (string batchId, int applicationId, DecisionBody body, IGrainFactory grains, ClaimsPrincipal user, HttpContext http) =>
            Write(grains, batchId, g => g.Decide(new DecideApplication(applicationId, body.Stage, body.Decision, body.Note, body.Amount, body.Score, body.ReturnTo), Caller.Context(user, http))))
            .RequireAuthorization(Roles.WritePolicy).RequireRateLimiting(AuthSetup.WritesLimiter)
            .WithSummary("Approve, decline or return for revision at the application's stage (county stages: the firm's county; others: city staff)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);

        one.MapPost("/resubmission", (string batchId, int applicationId, NoteBody body, IGrainFactory grains, ClaimsPrincipal user, HttpContext http) =>
            Write(grains, batchId, g => g.Resubmit(new ResubmitApplication(applicationId, body.Note), Caller.Context(user, http))))
            .RequireAuthorization(Roles.WritePolicy).RequireRateLimiting(AuthSetup.WritesLimiter)
            .WithSummary("Resubmit a returned application after revision; its amounts follow the project's figures again");

        one.MapPost("/objections", (string batchId, int applicationId, ObjectionBody body, IGrainFactory grains, ClaimsPrincipal user, HttpContext http) =>
            Write(grains, batchId, g => g.Object(new RaiseObjection(applicationId, body.Objector, body.Reason), Caller.Context(user, http))))
            .RequireAuthorization(Roles.WritePolicy).RequireRateLimiting(AuthSetup.WritesLimiter)
            .WithSummary("Record an objection during the public notice: the application goes back to the expert panel");

        one.MapPost("/disbursements", (string batchId, int applicationId, DisbursementBody body, IGrainFactory grains, ClaimsPrincipal user, HttpContext http) =>
            Write(grains, batchId, g => g.Disburse(new Disburse(applicationId, body.Amount, body.Note), Caller.Context(user, http))))
            .RequireAuthorization(Roles.CityPolicy).RequireRateLimiting(AuthSetup.WritesLimiter)
            .WithSummary("Pay (part of) an award (city staff)");

        batch.MapPost("/notice", (string batchId, NoticeBody body, IGrainFactory grains, ClaimsPrincipal user, HttpContext http) =>
            Write(grains, batchId, g => g.PublishNotice(new PublishNotice(body.Until, body.Note), Caller.Context(user, http)),
                r => Results.Ok(new { version = r.Version, published = r.Affected })))
            .RequireAuthorization(Roles.CityPolicy).RequireRateLimiting(AuthSetup.WritesLimiter)
            .WithSummary("Publish the applications that passed the audit on the public notice, with its objection window (city staff)");

        batch.MapPost("/awards", (string batchId, AwardBody body, IGrainFactory grains, ClaimsPrincipal user, HttpContext http) =>
            Write(grains, batchId, g => g.Award(new AwardApplications(body.ApplicationIds, body.Note), Caller.Context(user, http)),
                r => Results.Ok(new { version = r.Version, awarded = r.Affected })))
            .RequireAuthorization(Roles.CityPolicy).RequireRateLimiting(AuthSetup.WritesLimiter)
            .WithSummary("Award the applications waiting at the award stage (city staff); awards go to the firms' grants");

        batch.MapGet("/notice", async (string batchId, IGrainFactory grains) =>
            await Notice(grains, batchId) is { } notice ? Results.Ok(notice.Rows) : Missing(batchId))
            .WithSummary("The public-notice list (公示名单), amounts in 万元")
            .Produces<IReadOnlyList<NoticeRow>>();

        batch.MapGet("/notice.csv", async (string batchId, IGrainFactory grains) =>
            await Notice(grains, batchId) is { } notice
                ? Results.File(NoticeExport.Csv(notice.Rows), "text/csv; charset=utf-8", $"{batchId}-公示名单.csv")
                : Missing(batchId))
            .WithSummary("The public-notice list as CSV (UTF-8)");

        batch.MapGet("/notice.xlsx", async (string batchId, IGrainFactory grains) =>
            await Notice(grains, batchId) is { } notice
                ? Results.File(NoticeExport.Xlsx($"{notice.Name} 拟支持项目公示名单", notice.Rows),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{batchId}-公示名单.xlsx")
                : Missing(batchId))
            .WithSummary("The public-notice list as an Excel workbook");

        return app;
    }

    private static IFundingBatchGrain Batch(IGrainFactory grains, string batchId) => grains.GetGrain<IFundingBatchGrain>(batchId);

    private static IResult Missing(string batchId) => Problems.NotFound($"No funding batch '{batchId}'.");

    private static async Task<(string Name, IReadOnlyList<NoticeRow> Rows)?> Notice(IGrainFactory grains, string batchId)
    {
        if (!EnterpriseIds.IsValid(batchId)) return null;
        var board = await Batch(grains, batchId).GetBoard();
        var page = await Batch(grains, batchId).ListApplications(new ApplicationFilter { NoticeList = true, Take = int.MaxValue });
        return board is null || page is null ? null : (board.Name, NoticeExport.Rows(page.Items));
    }

    private static async Task<IResult> Write(IGrainFactory grains, string batchId, Func<IFundingBatchGrain, Task<BatchResult>> command,
        Func<BatchResult, IResult>? onSuccess = null)
    {
        if (!EnterpriseIds.IsValid(batchId)) return Missing(batchId);
        var result = await command(Batch(grains, batchId));
        return From(result, () => onSuccess?.Invoke(result)
            ?? Results.Ok(new { version = result.Version, changed = result.Outcome == BatchOutcome.Accepted, applicationId = result.ApplicationId }));
    }

    private static IResult From(BatchResult result, Func<IResult> onSuccess) => result.Outcome switch
    {
        BatchOutcome.Accepted or BatchOutcome.Unchanged => onSuccess(),
        BatchOutcome.Invalid => Results.ValidationProblem(result.Errors.ToDictionary(kv => kv.Key, kv => kv.Value),
            title: "The request has invalid fields; nothing was changed."),
        BatchOutcome.NotFound => Problems.NotFound(result.Detail ?? "Not found."),
        BatchOutcome.Forbidden => Results.Problem(statusCode: 403, title: "Forbidden", detail: result.Detail),
        BatchOutcome.Conflict => Results.Problem(statusCode: 409, title: "Conflict: nothing was changed", detail: result.Detail,
            extensions: new Dictionary<string, object?> { ["errors"] = result.Errors }),
        _ => Results.Problem(statusCode: 500, title: "Unexpected outcome"),
    };
}
