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

        writes.MapPost("", async (ScenarioRequest? body, IGrainFactory grains, IConfiguration configuration) =>
        {
            var reporting = ReportingMonth(configuration);
            var live = body?.Baseline == ScenarioDefinition.LiveBaseline
                ? (await grains.GetGrain<ICityGrain>(GrainKeys.City).GetBoard()).Enterprises.Total
                : 0;
            var (definition, errors) = ScenarioRequestValidator.Validate(body, reporting, live);
            if (definition is null)
                return Results.ValidationProblem(errors, title: "The scenario request has invalid fields; nothing was started.");
            var id = Guid.NewGuid().ToString("N")[..16];
            var view = await grains.GetGrain<IScenarioGrain>(id).Start(definition);
            return Results.Created($"/api/scenarios/{id}", new { id, view.Scope, view.Status, view.Paused });
        });

        api.MapGet("/{id}", async (string id, IGrainFactory grains) =>
            ValidId(id) && await grains.GetGrain<IScenarioGrain>(id).Get() is { } view ? Results.Ok(view) : NotFound(id));

        writes.MapPost("/{id}/pause", (string id, IGrainFactory grains) => Control(id, grains, g => g.Pause()));
        writes.MapPost("/{id}/resume", (string id, IGrainFactory grains) => Control(id, grains, g => g.Resume()));
        writes.MapPost("/{id}/step", async (string id, int? months, IGrainFactory grains) =>
            months is < 1 or > 120
                ? Results.ValidationProblem(new Dictionary<string, string[]> { ["months"] = ["must be between 1 and 120"] })
                : await Control(id, grains, g => g.Step(months ?? 1)));
        writes.MapPut("/{id}/pace", async (string id, PaceBody body, IGrainFactory grains) =>
            body.Milliseconds is < 0 or > 60_000
                ? Results.ValidationProblem(new Dictionary<string, string[]> { ["milliseconds"] = ["must be between 0 (as fast as possible) and 60000"] })
                : await Control(id, grains, g => g.SetPace(body.Milliseconds)));

        writes.MapDelete("/{id}", async (string id, IGrainFactory grains) =>
            ValidId(id) && await grains.GetGrain<IScenarioGrain>(id).Delete() ? Results.NoContent() : NotFound(id));
        return app;
    }

    private static async Task<IResult> Control(string id, IGrainFactory grains, Func<IScenarioGrain, Task<ScenarioView?>> action) =>
        ValidId(id) && await action(grains.GetGrain<IScenarioGrain>(id)) is { } view ? Results.Ok(view) : NotFound(id);

    private static IResult NotFound(string id) => Problems.NotFound($"No scenario '{id}' (never started, deleted or expired).");

    public static bool ValidId(string id) => id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static YearMonth ReportingMonth(IConfiguration configuration) =>
        YearMonth.TryParse(configuration["Programme:ReportingMonth"], out var m) ? m : ProgrammeCalendar.Default.ReportingMonth;
}
