using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Workspace;

/// <summary>An app without rate limits in the way, for the corpus of bad requests.</summary>
public sealed class UnthrottledApp : AppProcess
{
    protected override IEnumerable<string> ExtraArguments => ["--Auth:WritesPerSecond", "100000"];
}

/// <summary>Every write route against bad credentials and a generated corpus of malformed bodies: 4xx, never 5xx, nothing changed.</summary>
public sealed class SecurityTests(UnthrottledApp app) : IClassFixture<UnthrottledApp>
{
    private const string Firm = "juntong-vehicles"; // etdz

    private static IEnumerable<(HttpMethod Method, string Url, object Body)> WriteRoutes(string projectId) =>
    [
        (HttpMethod.Put, $"/api/enterprises/{Firm}", new { name = "河南骏通车辆有限公司", countyId = "etdz", sector = "equipment", aboveScale = true, status = "active" }),
        (HttpMethod.Post, $"/api/enterprises/{Firm}/projects", new { name = "新项目", kind = "green", totalInvestment = 1_000_000m, plannedThisYear = 0m, startMonth = "2022-08", endMonth = "2023-01" }),
        (HttpMethod.Put, $"/api/enterprises/{Firm}/projects/{projectId}/progress/2022-08", new { invested = 1m }),
        (HttpMethod.Put, $"/api/enterprises/{Firm}/projects/{projectId}/status", new { status = "completed" }),
        (HttpMethod.Put, $"/api/enterprises/{Firm}/cloud", new { month = "2022-01" }),
        (HttpMethod.Put, $"/api/enterprises/{Firm}/digital", new { month = "2022-01" }),
        (HttpMethod.Post, $"/api/enterprises/{Firm}/certifications", new { kind = "smart-factory", level = "national", month = "2022-01" }),
    ];

    private async Task<string> Snapshot(HttpClient http) => await http.GetStringAsync($"/api/enterprises/{Firm}");

    private async Task<string> ProjectId(HttpClient http)
    {
        var e = await http.GetFromJsonAsync<JsonElement>($"/api/enterprises/{Firm}");
        return e.GetProperty("projects")[0].GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Every_write_route_refuses_missing_forged_expired_read_only_and_out_of_county_credentials()
    {
        using var open = app.Http();
        var projectId = await ProjectId(open);
        var before = await Snapshot(open);
        var forged = Programme.Web.Hosting.TokenIssuer.Issue(new Programme.Web.Hosting.AuthSettings { SigningKey = "another-key-entirely-0123456789-abcdefgh" }, "city", null, "mallory", TimeSpan.FromHours(1));
        var credentials = new (string What, string? Token, HttpStatusCode Expected)[]
        {
            ("no token", null, HttpStatusCode.Unauthorized),
            ("invalid signature", forged, HttpStatusCode.Unauthorized),
            ("garbage token", "not.a.jwt", HttpStatusCode.Unauthorized),
            ("expired token", AppProcess.Token("city", lifetime: TimeSpan.FromMinutes(-5)), HttpStatusCode.Unauthorized),
            ("viewer", AppProcess.Token("viewer"), HttpStatusCode.Forbidden),
            ("another county's agent", AppProcess.Token("county", "lingbao"), HttpStatusCode.Forbidden),
        };
        foreach (var (method, url, body) in WriteRoutes(projectId))
        {
            foreach (var (what, token, expected) in credentials)
            {
                using var http = app.Http(token);
                var response = await http.SendAsync(new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) });
                Assert.True(response.StatusCode == expected, $"{method} {url} with {what}: {(int)response.StatusCode}, expected {(int)expected}");
            }
        }
        Assert.Equal(before, await Snapshot(open));

        // The right agent can (so the refusals above were about credentials, not the requests).
        using var etdz = app.Http(AppProcess.Token("county", "etdz"));
        Assert.Equal(HttpStatusCode.OK, (await etdz.PutAsJsonAsync($"/api/enterprises/{Firm}/cloud", new { month = "2022-01" })).StatusCode);
    }

    /// <summary>At least a thousand malformed bodies over every write route.</summary>
    private static IEnumerable<(HttpMethod Method, string Url, string ContentType, byte[] Body, string What)> Corpus(string projectId)
    {
        string[] wrongValues = ["null", "true", "false", "0", "-1", "-0.001", "1e309", "-1e309", "\"NaN\"", "\"Infinity\"", "\"\"", "\" \"",
            "\"" + new string('长', 300) + "\"", "\"" + new string('x', 10_000) + "\"", "[]", "[1,2]", "{}", "{\"a\":1}", "\"2022-13\"", "\"2022-00\"",
            "\"1999-12\"", "\"2101-01\"", "\"22-08\"", "\"2022/08\"", "\"unknown\"", "\"SEMI-HALTED\"", "99999999999999999999999999999999",
            "0.0000001", "123.456", "\"\\u0000\"", "\"<script>alert(1)</script>\"", "\"'; drop table orleansstorage; --\""];
        var shapes = new (HttpMethod Method, string Url, string[] Fields)[]
        {
            (HttpMethod.Put, $"/api/enterprises/{Firm}", ["name", "countyId", "sector", "aboveScale", "status"]),
            (HttpMethod.Post, $"/api/enterprises/{Firm}/projects", ["name", "kind", "totalInvestment", "plannedThisYear", "startMonth", "endMonth", "status"]),
            (HttpMethod.Put, $"/api/enterprises/{Firm}/projects/{projectId}/progress/2022-08", ["invested"]),
            (HttpMethod.Put, $"/api/enterprises/{Firm}/projects/{projectId}/status", ["status"]),
            (HttpMethod.Put, $"/api/enterprises/{Firm}/cloud", ["month"]),
            (HttpMethod.Put, $"/api/enterprises/{Firm}/digital", ["month"]),
            (HttpMethod.Post, $"/api/enterprises/{Firm}/certifications", ["kind", "level", "month"]),
        };
        var valid = new Dictionary<string, string>
        {
            ["name"] = "\"名称\"", ["countyId"] = "\"etdz\"", ["sector"] = "\"equipment\"", ["aboveScale"] = "true", ["status"] = "\"active\"",
            ["kind"] = "\"green\"", ["totalInvestment"] = "1000", ["plannedThisYear"] = "10", ["startMonth"] = "\"2022-01\"", ["endMonth"] = "\"2022-12\"",
            ["invested"] = "5", ["month"] = "\"2022-03\"", ["level"] = "\"city\"",
        };
        // A value each field certainly refuses, so a body with it can never change anything.
        var bad = new Dictionary<string, string>
        {
            ["name"] = "\"\"", ["countyId"] = "\"atlantis\"", ["sector"] = "\"banking\"", ["aboveScale"] = "\"maybe\"", ["status"] = "\"bogus\"",
            ["kind"] = "\"quantum\"", ["totalInvestment"] = "-1", ["plannedThisYear"] = "-1", ["startMonth"] = "\"2022-13\"", ["endMonth"] = "\"20x2\"",
            ["invested"] = "-5", ["month"] = "\"2030-01\"", ["level"] = "\"global\"",
        };
        // The few listed values a lone field would accept.
        var acceptable = new HashSet<(string, string)> { ("invested", "0") };
        byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
        foreach (var (method, url, fields) in shapes)
        {
            // One field wrong at a time; another field (if any) certainly bad too, the rest valid.
            foreach (var field in fields)
                foreach (var v in wrongValues)
                {
                    var other = fields.FirstOrDefault(f => f != field);
                    if (other is null && acceptable.Contains((field, v))) continue;
                    var body = "{" + string.Join(",", fields.Select(f => $"\"{f}\":{(f == field ? v : f == other ? bad[f] : valid[f])}")) + "}";
                    yield return (method, url, "application/json", Utf8(body), $"{field}={v[..Math.Min(v.Length, 20)]}");
                }
            // Random mixes: several fields wrong at once, some missing, some duplicated, always one certainly bad
            // (seeded, so the corpus is the same every run).
            var random = new Random(4242 + url.Length);
            for (var i = 0; i < 60; i++)
            {
                var poisoned = fields[random.Next(fields.Length)];
                var parts = fields.Where(f => f == poisoned || random.Next(4) > 0)
                    .Select(f => $"\"{f}\":{(f == poisoned ? bad[f] : random.Next(2) == 0 ? wrongValues[random.Next(wrongValues.Length)] : valid[f])}").ToList();
                if (random.Next(5) == 0) parts.Add($"\"extra{i}\":{wrongValues[random.Next(wrongValues.Length)]}");
                yield return (method, url, "application/json", Utf8("{" + string.Join(",", parts) + "}"), $"random mix {i}");
            }
            // Missing fields, bad JSON, wrong media types, oversized bodies.
            yield return (method, url, "application/json", Utf8("{}"), "empty object");
            yield return (method, url, "application/json", Utf8(""), "no body");
            yield return (method, url, "application/json", Utf8("{"), "truncated");
            yield return (method, url, "application/json", Utf8("{\"a\":1,}"), "trailing comma");
            yield return (method, url, "application/json", Utf8("{\"invested\": NaN}"), "NaN literal");
            yield return (method, url, "application/json", Utf8("/* c */ {}"), "comment");
            yield return (method, url, "application/json", Utf8("null"), "null body");
            yield return (method, url, "application/json", Utf8("\"text\""), "string body");
            yield return (method, url, "application/json", [0xff, 0xfe, 0x00, 0x7b], "bad utf-8");
            yield return (method, url, "text/plain", Utf8("{}"), "text/plain");
            yield return (method, url, "application/xml", Utf8("<a/>"), "xml");
            yield return (method, url, "application/json", Utf8("{\"name\":\"" + new string('x', 400_000) + "\"}"), "oversized");
            yield return (method, url, "application/json", Utf8(string.Concat(Enumerable.Repeat("[", 5000))), "deep nesting");
        }
        // Bad route parts.
        foreach (var month in new[] { "2022-13", "abcd", "2022-8", "1999-12", "2022-09" })
            yield return (HttpMethod.Put, $"/api/enterprises/{Firm}/projects/{projectId}/progress/{month}", "application/json", Utf8("{\"invested\":1}"), $"route month {month}");
        foreach (var id in new[] { "has%20space", new string('a', 65), "bad!id", "%E4%B8%AD" })
            yield return (HttpMethod.Put, $"/api/enterprises/{id}/cloud", "application/json", Utf8("{\"month\":\"2022-01\"}"), $"route id {id}");
        yield return (HttpMethod.Put, $"/api/enterprises/{Firm}/projects/p999/status", "application/json", Utf8("{\"status\":\"completed\"}"), "unknown project");
    }

    [Fact]
    public async Task A_thousand_malformed_requests_get_4xx_problems_and_change_nothing()
    {
        using var http = app.Http(AppProcess.Token("city"));
        var projectId = await ProjectId(http);
        var before = await Snapshot(http);
        var corpus = Corpus(projectId).ToList();
        Assert.True(corpus.Count >= 1000, $"only {corpus.Count} cases");
        var failures = new List<string>();
        foreach (var chunk in corpus.Chunk(16))
        {
            var results = await Task.WhenAll(chunk.Select(async c =>
            {
                var request = new HttpRequestMessage(c.Method, c.Url) { Content = new ByteArrayContent(c.Body) };
                request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(c.ContentType);
                var response = await http.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                var code = (int)response.StatusCode;
                if (code is < 400 or >= 500) return $"{c.What} on {c.Method} {c.Url}: {code}";
                if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") return $"{c.What}: {code} without problem+json";
                if (text.Contains("   at ", StringComparison.Ordinal) || text.Contains("System.", StringComparison.Ordinal) || text.Contains("Orleans", StringComparison.Ordinal))
                    return $"{c.What}: the body shows internals: {text[..Math.Min(200, text.Length)]}";
                return null;
            }));
            failures.AddRange(results.Where(r => r is not null)!);
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        Assert.Equal(before, await Snapshot(http));
    }

    [Fact]
    public async Task Validation_errors_name_each_bad_field()
    {
        using var http = app.Http(AppProcess.Token("city"));
        var response = await http.PostAsJsonAsync($"/api/enterprises/{Firm}/projects",
            new { name = "", kind = "quantum", totalInvestment = -1m, plannedThisYear = 5m, startMonth = "2022-13", endMonth = "2022-01" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "name", "kind", "totalInvestment", "startMonth" })
            Assert.True(errors.TryGetProperty(field, out var messages) && messages.GetArrayLength() > 0, $"no error for {field}");
    }
}

/// <summary>Writes are rate-limited per user: a flood from one account gets 429 problems, others are unaffected.</summary>
[Collection(SharedApp.Name)]
public sealed class RateLimitTests(AppProcess app)
{
    [Fact]
    public async Task A_flood_from_one_user_is_slowed_down_with_429()
    {
        using var flood = app.Http(AppProcess.Token("county", "lushi", name: $"flood-{Guid.NewGuid():N}"));
        var codes = await Task.WhenAll(Enumerable.Range(0, 700).Select(i =>
            flood.PutAsJsonAsync("/api/enterprises/fushoutang-pharma/cloud", new { month = $"2022-0{1 + i % 8}" })));
        Assert.Contains(codes, r => r.StatusCode == HttpStatusCode.TooManyRequests);
        var limited = codes.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        using var other = app.Http(AppProcess.Token("county", "lushi", name: $"calm-{Guid.NewGuid():N}"));
        Assert.Equal(HttpStatusCode.OK, (await other.PutAsJsonAsync("/api/enterprises/fushoutang-pharma/cloud", new { month = "2022-02" })).StatusCode);
    }
}
