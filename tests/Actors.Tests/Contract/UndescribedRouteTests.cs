using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Programme.Web.Api;
using Programme.Web.Hosting;
using Programme.Web.Hosting.OpenApi;

namespace Programme.Tests.Contract;

/// <summary>
/// Routes added later without any OpenAPI metadata (as other work adds a county worklist or a monthly report) are
/// described by the conventions alone: a stable derived operationId, a summary, their security, the standard problem
/// responses — and the document still lints with 0 errors.
/// </summary>
public sealed class UndescribedRouteTests
{
    private static async Task<JsonNode> Document()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton(new AuthSettings { WritesPerSecond = 50 });
        builder.Services.AddProgrammeOpenApi();
        await using var app = builder.Build();
        app.MapGet("/api/counties/{countyId}/worklist", (string countyId) => Results.Ok(new { countyId })).WithTags("Counties");
        app.MapGet("/api/reports/monthly", (string? month) => Results.Ok(new { month }));
        app.MapPost("/api/reports/monthly", (ProgressBody body) => Results.Ok(body))
            .RequireAuthorization(Roles.CityPolicy).RequireRateLimiting(AuthSetup.WritesLimiter);
        app.MapOpenApi();
        await app.StartAsync();
        var json = await app.GetTestClient().GetStringAsync("/openapi/v1.json");
        await app.StopAsync();
        return JsonNode.Parse(json)!;
    }

    [Fact]
    public async Task A_route_without_metadata_gets_a_derived_id_summary_security_and_problem_responses()
    {
        var doc = await Document();
        var worklist = doc["paths"]!["/api/counties/{countyId}/worklist"]!["get"]!;
        Assert.Equal("getCountiesByCountyIdWorklist", worklist["operationId"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(worklist["summary"]?.GetValue<string>()));
        Assert.Contains(worklist["security"]!.AsArray(), r => r!.AsObject().Count == 0);
        Assert.NotNull(worklist["responses"]!["404"]!["content"]!["application/problem+json"]);
        Assert.NotNull(worklist["responses"]!["400"]!["content"]!["application/problem+json"]);

        var report = doc["paths"]!["/api/reports/monthly"]!["post"]!;
        Assert.Equal("postReportsMonthly", report["operationId"]!.GetValue<string>());
        Assert.Equal("getReportsMonthly", doc["paths"]!["/api/reports/monthly"]!["get"]!["operationId"]!.GetValue<string>());
        var bearer = report["security"]!.AsArray().Single(r => r!.AsObject().ContainsKey("bearer"))!["bearer"]!.AsArray();
        Assert.Equal(["city"], bearer.Select(r => r!.GetValue<string>()));
        var responses = report["responses"]!.AsObject();
        foreach (var status in new[] { "400", "401", "403", "413", "415", "429" }) Assert.True(responses.ContainsKey(status), $"no {status}");
        Assert.NotNull(responses["429"]!["headers"]!["Retry-After"]);
        Assert.NotNull(responses["429"]!["headers"]!["RateLimit-Policy"]);
        Assert.EndsWith("/HttpValidationProblemDetails", responses["400"]!["content"]!["application/problem+json"]!["schema"]!["$ref"]!.GetValue<string>());
        Assert.Contains("Counties", doc["tags"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_document_of_undescribed_routes_still_lints_without_errors()
    {
        var result = await Redocly.Lint((await Document()).ToJsonString());
        Assert.True(result.Errors == 0, $"{result.Errors} lint errors:\n{result.Describe("error")}");
    }
}
