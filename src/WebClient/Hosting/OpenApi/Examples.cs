using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Programme.Web.Hosting.OpenApi;

/// <summary>
/// Request and response examples of the main routes, in the figures of the default data (Sanmenxia, August 2022). The
/// two large snapshots are files beside this one (a real city board with one county row and three trend months, a real
/// firm with one project), embedded in the assembly.
/// </summary>
public static class Examples
{
    private static readonly Dictionary<string, (string? Request, Dictionary<string, string> Responses)> ByOperation = new(StringComparer.Ordinal)
    {
        ["getCityBoard"] = (null, new() { ["200"] = "@city-board.json" }),
        ["getEnterprise"] = (null, new() { ["200"] = "@enterprise.json" }),
        ["upsertEnterprise"] = ("""{"name":"三门峡示例新材料有限公司","countyId":"lingbao","sector":"building-materials","aboveScale":true,"status":"active"}""",
            new() { ["201"] = """{"id":"lingbao-example","version":1}""", ["200"] = """{"id":"lingbao-example","version":5}""" }),
        ["addProject"] = ("""{"name":"智能化生产线改造项目","kind":"intelligent","totalInvestment":36000000,"plannedThisYear":20000000,"startMonth":"2022-03","endMonth":"2023-06","status":"underway"}""",
            new() { ["201"] = """{"id":"p3","version":6}""" }),
        ["reportProgress"] = ("""{"invested":1800000,"progress":"主体设备安装完成，进入调试","progressPercent":65,"problems":null,"inStatistics":true}""",
            new() { ["200"] = """{"version":7,"changed":true}""" }),
        ["setProjectStatus"] = ("""{"status":"completed"}""", new() { ["200"] = """{"version":8,"changed":true}""" }),
        ["signIn"] = ("""{"userName":"lingbao","password":"your password"}""",
            new() { ["200"] = """{"authenticated":true,"userName":"lingbao","displayName":"灵宝市","role":"county","county":"lingbao"}""" }),
        ["issueToken"] = (null, new() { ["200"] = """{"token":"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.…","expiresIn":43200}""" }),
        ["listCounties"] = (null, new() { ["200"] = """[{"id":"hubin","nameZh":"湖滨区","nameEn":"Hubin District"},{"id":"lingbao","nameZh":"灵宝市","nameEn":"Lingbao City"}]""" }),
    };

    public static void Apply(OpenApiOperation operation, OpenApiDocument? document)
    {
        if (operation.OperationId is null || !ByOperation.TryGetValue(operation.OperationId, out var examples)) return;
        if (examples.Request is { } request && operation.RequestBody?.Content?.TryGetValue("application/json", out var body) == true)
            body.Example = Parse(request);
        foreach (var (status, text) in examples.Responses)
            if (operation.Responses?.TryGetValue(status, out var response) == true && response is OpenApiResponse r && r.Content is { } content
                && content.TryGetValue("application/json", out var media))
                media.Example = Parse(text);
        _ = document;
    }

    private static JsonNode Parse(string text)
    {
        if (!text.StartsWith('@')) return JsonNode.Parse(text)!;
        using var stream = typeof(Examples).Assembly.GetManifestResourceStream($"Programme.Web.Hosting.OpenApi.Examples.{text[1..]}")
            ?? throw new InvalidOperationException($"example {text} is not embedded");
        return JsonNode.Parse(stream)!;
    }
}
