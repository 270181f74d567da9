using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Programme.Commands;
using Programme.Domain;
using Programme.Grains;
using Programme.Web.Api.History;
using Programme.Web.Hosting;

namespace Programme.Web.Api;

/// <summary>Enterprise reads (open) and writes (city staff anywhere, county agents in their own county).</summary>
public static class EnterpriseApi
{
    public static IEndpointRouteBuilder MapEnterpriseApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/enterprises/{id}").WithTags("Enterprises");

        api.MapGet("", async (string id, IGrainFactory grains, HttpResponse response, IOptions<JsonOptions> json) =>
        {
            var grain = grains.GetGrain<IEnterpriseGrain>(id);
            var e = await grain.Get();
            if (e is null) return Problems.NotFound($"No enterprise '{id}'.");
            response.Headers.ETag = Caller.ETag(e.Version);
            // The firm with its recent changes (up to 32; the whole trail is at /history).
            var body = JsonSerializer.SerializeToNode(e, json.Value.SerializerOptions)!.AsObject();
            var names = new HistoryNames(grains);
            body["history"] = JsonSerializer.SerializeToNode(await names.Describe(await grain.GetRecentHistory(), [e]), json.Value.SerializerOptions);
            // Each grant with its batch's name, so no view shows a batch id.
            if (body["grants"] is System.Text.Json.Nodes.JsonArray { Count: > 0 } grants)
            {
                await names.LoadBatches();
                foreach (var g in grants.OfType<System.Text.Json.Nodes.JsonObject>())
                    g["batchName"] = names.BatchName(g["batchId"]?.GetValue<string>() ?? "");
            }
            return Results.Json(body, json.Value.SerializerOptions);
        }).WithConditionalReads();

        api.MapGet("/history", async (string id, IGrainFactory grains) =>
        {
            var grain = grains.GetGrain<IEnterpriseGrain>(id);
            if (await grain.Get() is not { } e) return Problems.NotFound($"No enterprise '{id}'.");
            return Results.Ok(await new HistoryNames(grains).Describe(await grain.GetHistory(), [e]));
        });

        var writes = api.MapGroup("").RequireAuthorization(Roles.WritePolicy).RequireRateLimiting(AuthSetup.WritesLimiter);

        writes.MapPut("", (string id, UpsertEnterprise body, IGrainFactory grains, ClaimsPrincipal user, HttpContext http) =>
            Write(id, http, user, grains, (g, ctx) => g.Upsert(body, ctx), r => r.Created
                ? Results.Created($"/api/enterprises/{id}", new { id, version = r.Version })
                : Results.Ok(new { id, version = r.Version })));

        writes.MapPost("/projects", (string id, AddProject body, IGrainFactory grains, ClaimsPrincipal user, HttpContext http) =>
            Write(id, http, user, grains, (g, ctx) => g.AddProject(body, ctx),
                r => Results.Created($"/api/enterprises/{id}", new { id = r.CreatedId, version = r.Version })));

        writes.MapPut("/projects/{projectId}/progress/{month}", (string id, string projectId, string month, ProgressBody body,
                IGrainFactory grains, ClaimsPrincipal user, HttpContext http) =>
            Write(id, http, user, grains, (g, ctx) => g.ReportProgress(new ReportProgress(projectId, month, body.Invested)
            {
                Progress = body.Progress, ProgressPercent = body.ProgressPercent, Problems = body.Problems, InStatistics = body.InStatistics,
            }, ctx), Ok));

        writes.MapPut("/projects/{projectId}/status", (string id, string projectId, StatusBody body,
                IGrainFactory grains, ClaimsPrincipal user, HttpContext http) =>
            Write(id, http, user, grains, (g, ctx) => g.SetProjectStatus(new SetProjectStatus(projectId, body.Status), ctx), Ok));

        foreach (var (route, milestone) in new[] { ("/cloud", Milestone.Cloud), ("/digital", Milestone.Digital) })
        {
            // PUT sets the month (required: an empty body must never clear anything); DELETE clears it.
            writes.MapPut(route, (string id, MonthBody body, IGrainFactory grains, ClaimsPrincipal user, HttpContext http) =>
                body.Month is null
                    ? Task.FromResult(Results.ValidationProblem(new Dictionary<string, string[]> { ["month"] = ["is required (DELETE the resource to clear it)"] }))
                    : Write(id, http, user, grains, (g, ctx) => g.SetMilestone(new SetMilestone(milestone, body.Month), ctx), Ok));
            writes.MapDelete(route, (string id, IGrainFactory grains, ClaimsPrincipal user, HttpContext http) =>
                Write(id, http, user, grains, (g, ctx) => g.SetMilestone(new SetMilestone(milestone, null), ctx), Ok));
        }

        writes.MapPost("/certifications", (string id, AddCertification body, IGrainFactory grains, ClaimsPrincipal user, HttpContext http) =>
            Write(id, http, user, grains, (g, ctx) => g.AddCertification(body, ctx), Ok));

        return app;
    }

    private static IResult Ok(CommandResult r) => Results.Ok(new WriteReply(r.Version, r.Outcome == CommandOutcome.Accepted));

    private static async Task<IResult> Write(string id, HttpContext http, ClaimsPrincipal user, IGrainFactory grains,
        Func<IEnterpriseGrain, ChangeContext, Task<CommandResult>> command, Func<CommandResult, IResult> onSuccess)
    {
        if (!Grains.Enterprises.EnterpriseIds.IsValid(id))
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["id"] = ["must be 1–64 characters of A–Z, a–z, 0–9, '_' or '-'"] });
        if (!Caller.TryExpectedVersion(http.Request, out var expected))
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["If-Match"] = ["must be the ETag of the enterprise, e.g. \"7\""] });
        var result = await command(grains.Grain<IEnterpriseGrain>(id), Caller.Context(user, http, expectedVersion: expected));
        if (result.Succeeded) http.Response.Headers.ETag = Caller.ETag(result.Version);
        return Problems.From(result, () => onSuccess(result));
    }
}
