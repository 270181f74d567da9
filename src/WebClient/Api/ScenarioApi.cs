using System.Security.Claims;
using Programme.Domain;
using Programme.Grains;
using Programme.Grains.Simulation;
using Programme.Simulation;
using Programme.Web.Hosting;

namespace Programme.Web.Api;

/// <summary>
/// Simulation scenarios (CONTRACT.md): POST /api/scenarios starts one (201 { id }), GET /api/scenarios/{id} reads its status
/// and results (open like the boards); pause, resume, step, pace and DELETE control it (a token with the write policy).
/// </summary>
public static class ScenarioApi
{
    public static IEndpointRouteBuilder MapScenarioApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/scenarios").WithTags("Scenarios");
        var writes = api.MapGroup("").RequireAuthorization(Roles.WritePolicy).RequireRateLimiting(AuthSetup.WritesLimiter);

        writes.MapPost("", async (ScenarioRequest? body, IGrainFactory grains, IConfiguration configuration, ClaimsPrincipal user, HttpContext http) =>
        {
            var reporting = ReportingMonth(configuration);
            var live = body?.Baseline == ScenarioDefinition.LiveBaseline
                ? (await grains.GetGrain<ICityGrain>(GrainKeys.City).GetBoard()).Enterprises.Total
                : 0;
            var (definition, errors) = ScenarioRequestValidator.Validate(body, reporting, live);
            if (definition is null)
                return Results.ValidationProblem(errors, title: "The scenario request has invalid fields; nothing was started.");
            var id = Guid.NewGuid().ToString("N")[..16];
            var view = await grains.GetGrain<IScenarioGrain>(id).Start(definition, Caller.Context(user, http).Actor);
            return Results.Created($"/api/scenarios/{id}", new { id, view.Scope, view.Status, view.Paused });
        }).ProducesValidationProblem().WithSummary("Starts a scenario: 201 { id, scope, status, paused }");

        api.MapGet("", (IGrainFactory grains) => grains.GetGrain<IScenarioDirectoryGrain>(0).List());

        api.MapGet("/{id}", async (string id, IGrainFactory grains) =>
            ValidId(id) && await grains.GetGrain<IScenarioGrain>(id).Get() is { } view ? Results.Ok(view) : NotFound(id))
            .Produces<ScenarioView>().ProducesProblem(404).WithSummary("A scenario: status, progress and results").WithConditionalReads();

        writes.MapPost("/{id}/pause", (string id, IGrainFactory grains, ClaimsPrincipal user, HttpContext http) =>
            Control(id, grains, user, http, async g => Results.Ok(await g.Pause())));
        writes.MapPost("/{id}/resume", (string id, IGrainFactory grains, ClaimsPrincipal user, HttpContext http) =>
            Control(id, grains, user, http, async g => Results.Ok(await g.Resume())));
        writes.MapPost("/{id}/step", async (string id, int? months, IGrainFactory grains, ClaimsPrincipal user, HttpContext http) =>
            months is < 1 or > 120
                ? Results.ValidationProblem(new Dictionary<string, string[]> { ["months"] = ["must be between 1 and 120"] })
                : await Control(id, grains, user, http, async g => Results.Ok(await g.Step(months ?? 1))));
        writes.MapPut("/{id}/pace", async (string id, PaceBody body, IGrainFactory grains, ClaimsPrincipal user, HttpContext http) =>
            body.Milliseconds is < 0 or > 60_000
                ? Results.ValidationProblem(new Dictionary<string, string[]> { ["milliseconds"] = ["must be between 0 (as fast as possible) and 60000"] })
                : await Control(id, grains, user, http, async g => Results.Ok(await g.SetPace(body.Milliseconds))));
        writes.MapDelete("/{id}", (string id, IGrainFactory grains, ClaimsPrincipal user, HttpContext http) =>
            Control(id, grains, user, http, async g => await g.Delete() ? Results.NoContent() : NotFound(id)));
        return app;
    }

    /// <summary>Time control and deletion belong to whoever started the scenario, and to city staff.</summary>
    private static async Task<IResult> Control(string id, IGrainFactory grains, ClaimsPrincipal user, HttpContext http, Func<IScenarioGrain, Task<IResult>> action)
    {
        if (!ValidId(id)) return NotFound(id);
        var grain = grains.GetGrain<IScenarioGrain>(id);
        if (await grain.Get() is not { } view) return NotFound(id);
        if (user.FindFirstValue(Roles.RoleClaim) != Roles.City && view.Owner != Caller.Context(user, http).Actor)
            return Results.Problem(statusCode: 403, title: "Forbidden", detail: $"Only {view.Owner} (who started it) or city staff may control or delete this scenario.");
        return await action(grain);
    }

    private static IResult NotFound(string id) => Problems.NotFound($"No scenario '{id}' (never started, deleted or expired).");

    public static bool ValidId(string id) => id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static YearMonth ReportingMonth(IConfiguration configuration) =>
        YearMonth.TryParse(configuration["Programme:ReportingMonth"], out var m) ? m : ProgrammeCalendar.Default.ReportingMonth;
}
