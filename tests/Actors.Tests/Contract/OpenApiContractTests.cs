using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Programme.Tests.Fixtures;
using Xunit.Abstractions;

namespace Programme.Tests.Contract;

/// <summary>
/// The published contract as an integrator meets it: /openapi/v1.json linted by a third-party linter (0 errors), every
/// operation named, summarised, secured and answering problem+json, and the document the generated client is built
/// from (the build-time dump) the same as the one served.
/// </summary>
[Collection(SharedApp.Name)]
public sealed class OpenApiContractTests(AppProcess app, ITestOutputHelper output)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head"];

    private async Task<string> Served() => await app.Http().GetStringAsync("/openapi/v1.json");

    [Fact]
    public async Task The_served_document_lints_clean_with_the_recommended_rules()
    {
        var result = await Redocly.Lint(await Served());
        output.WriteLine($"redocly lint (recommended): {result.Errors} errors, {result.Warnings} warnings\n{result.Describe("warn")}");
        Assert.True(result.Errors == 0, $"{result.Errors} lint errors:\n{result.Describe("error")}");
    }

    [Fact]
    public async Task Every_operation_is_named_summarised_secured_and_answers_problems()
    {
        var doc = JsonNode.Parse(await Served())!;
        var schemes = doc["components"]!["securitySchemes"]!.AsObject();
        Assert.Equal("bearer", schemes["bearer"]!["scheme"]!.GetValue<string>());
        Assert.Equal("JWT", schemes["bearer"]!["bearerFormat"]!.GetValue<string>());
        Assert.Equal("cookie", schemes["cookie"]!["in"]!.GetValue<string>());
        Assert.StartsWith("1.", doc["info"]!["version"]!.GetValue<string>());
        Assert.Contains("additive", doc["info"]!["description"]!.GetValue<string>());
        Assert.All(doc["tags"]!.AsArray(), t => Assert.False(string.IsNullOrWhiteSpace(t!["description"]?.GetValue<string>()), t!["name"]!.GetValue<string>()));

        var ids = new HashSet<string>();
        var count = 0;
        foreach (var (path, item) in doc["paths"]!.AsObject())
            foreach (var (method, node) in item!.AsObject().Where(m => Methods.Contains(m.Key)))
            {
                count++;
                var op = node!.AsObject();
                var where = $"{method.ToUpperInvariant()} {path}";
                Assert.True(ids.Add(op["operationId"]!.GetValue<string>()), $"{where}: duplicate operationId");
                Assert.False(string.IsNullOrWhiteSpace(op["summary"]?.GetValue<string>()), $"{where}: no summary");
                Assert.False(string.IsNullOrWhiteSpace(op["description"]?.GetValue<string>()), $"{where}: no description");
                var security = op["security"]!.AsArray();
                var anonymous = security.Any(r => r!.AsObject().Count == 0);
                var responses = op["responses"]!.AsObject();
                if (method != "get" && method != "head")
                {
                    if (path != "/api/auth/login" && path != "/api/auth/logout")
                    {
                        Assert.False(anonymous, $"{where}: a write declared anonymous");
                        Assert.Contains(security, r => r!.AsObject().ContainsKey("bearer"));
                        Assert.True(responses.ContainsKey("401") && responses.ContainsKey("403"), $"{where}: no 401/403");
                    }
                }
                foreach (var (status, response) in responses.Where(r => r.Key[0] is '4' or '5'))
                {
                    var media = response!["content"]?[ "application/problem+json"];
                    if (method == "head") continue;
                    Assert.True(media is not null, $"{where} {status}: not problem+json");
                    if (status == "400") Assert.EndsWith("/HttpValidationProblemDetails", media!["schema"]!["$ref"]!.GetValue<string>());
                }
                if (path.Contains('{') && method != "head") Assert.True(responses.ContainsKey("404"), $"{where}: no 404");
                if (op["requestBody"] is not null) Assert.True(responses.ContainsKey("400") && responses.ContainsKey("413"), $"{where}: no 400/413");
                if (op["description"]!.GetValue<string>().Contains("**Limit:**"))
                    Assert.True(responses["429"]?["headers"]?["Retry-After"] is not null, $"{where}: 429 without Retry-After");
            }
        Assert.True(count >= 60, $"only {count} operations");

        // Anonymous board reads are marked as such; enterprise writes take If-Match and answer 412.
        var city = doc["paths"]!["/api/board/city"]!["get"]!;
        Assert.Equal("getCityBoard", city["operationId"]!.GetValue<string>());
        Assert.Contains(city["security"]!.AsArray(), r => r!.AsObject().Count == 0);
        Assert.True(city["responses"]!.AsObject().ContainsKey("304"));
        Assert.NotNull(city["responses"]!["200"]!["content"]!["application/json"]!["example"]);
        var progress = doc["paths"]!["/api/enterprises/{id}/projects/{projectId}/progress/{month}"]!["put"]!;
        Assert.Equal("reportProgress", progress["operationId"]!.GetValue<string>());
        Assert.Contains(progress["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "If-Match" && p["in"]!.GetValue<string>() == "header");
        Assert.True(progress["responses"]!.AsObject().ContainsKey("412"));
        Assert.NotNull(progress["requestBody"]!["content"]!["application/json"]!["example"]);
        Assert.NotNull(doc["paths"]!["/api/board/city"]!["head"]);
    }

    [Fact]
    public async Task The_build_time_dump_the_client_is_generated_from_is_the_served_document()
    {
        var file = Path.Combine(Path.GetTempPath(), $"openapi-{Guid.NewGuid():N}.json");
        try
        {
            var project = Path.Combine(AppProcess.RepoRoot, "src", "WebClient");
            var info = new ProcessStartInfo("dotnet") { WorkingDirectory = project, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { Path.Combine(project, "bin", AppProcess.BuildConfiguration, "net10.0", "WebClient.dll"), "--Storage:Provider", "Memory", "--OpenApi:Dump", file })
                info.ArgumentList.Add(a);
            info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            using var process = Process.Start(info)!;
            var log = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(1)).Token);
            Assert.True(process.ExitCode == 0, $"dump failed: {await log}{await errors}");
            var dumped = JsonNode.Parse(await File.ReadAllTextAsync(file))!.AsObject();
            var served = JsonNode.Parse(await Served())!.AsObject();
            dumped.Remove("servers");
            served.Remove("servers");
            Assert.True(JsonNode.DeepEquals(dumped, served), "the dumped document differs from the served one");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
