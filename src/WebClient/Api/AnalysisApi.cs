using Programme.Domain;
using Programme.Grains.Simulation;
using Programme.Simulation;
using Programme.Web.Hosting;

namespace Programme.Web.Api;

/// <summary>
/// Sensitivity analysis and policy sweeps (docs/SIMULATION.md): POST /api/analyses validates the request and answers
/// 202 { id, status } while it runs, or 200 with the stored answer when the same request (same model version) was asked
/// before — the id is the cache key. GET /api/analyses/{id} gives status, progress (done / total scenario runs), results.
/// </summary>
public static class AnalysisApi
{
    public static IEndpointRouteBuilder MapAnalysisApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/analyses").WithTags("Scenarios");
        var writes = api.MapGroup("").RequireAuthorization(Roles.WritePolicy).RequireRateLimiting(AuthSetup.WritesLimiter);

        writes.MapPost("", async (AnalysisRequest? body, IGrainFactory grains, IConfiguration configuration) =>
        {
            var reporting = YearMonth.TryParse(configuration["Programme:ReportingMonth"], out var m) ? m : ProgrammeCalendar.Default.ReportingMonth;
            var (definition, errors) = AnalysisValidator.Validate(body, reporting);
            if (definition is null)
                return Results.ValidationProblem(errors, title: "The analysis request has invalid fields; nothing was started.");
            var id = AnalysisRunner.Key(definition);
            var grain = grains.GetGrain<IAnalysisGrain>(id);
            if (await grain.Get() is { } existing)
                return Results.Ok(new { id, existing.Status, cached = true, existing.Done, existing.Total });
            var view = await grain.Start(definition);
            return Results.Accepted($"/api/analyses/{id}", new { id, view.Status, cached = false, view.Done, view.Total });
        }).ProducesValidationProblem().WithSummary("Starts a sensitivity analysis and/or policy sweep (202), or answers a cached one (200)");

        api.MapGet("/{id}", async (string id, IGrainFactory grains) =>
            ScenarioApi.ValidId(id) && await grains.GetGrain<IAnalysisGrain>(id).Get() is { } view
                ? Results.Ok(view)
                : Problems.NotFound($"No analysis '{id}' (never asked for, or asked of another model version)."))
            .Produces<AnalysisView>().ProducesProblem(404).WithSummary("An analysis: status, progress and results");
        return app;
    }
}
