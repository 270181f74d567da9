using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Programme.Tests.Fixtures;
using Programme.Web.Spreadsheets;

namespace Programme.Tests.Safety;

/// <summary>
/// A county agent names a firm, a project, a funding batch, a user and an uploaded file like spreadsheet formulas; then
/// every route of the API that answers with a CSV or XLSX file (found from the OpenAPI document, in both formats) is
/// downloaded and read cell by cell: no text cell begins with = + - @ tab or CR, the hostile names are there (as
/// neutralised text), and numbers are still numbers.
/// </summary>
public sealed class ExportSweepTests(AppProcess app) : IClassFixture<AppProcess>
{
    private const string County = "lingbao";
    private static readonly string FirmName = "=HYPERLINK(\"http://x\",\"click\")";
    private static readonly string ProjectName = "+SUM(1,1)*cmd|' /C calc'!A0";
    private static readonly string BatchName = "@SUM(1+1)";
    private static readonly string Actor = "-2+3+cmd|' /C calc'!A0";
    private static readonly string TabActor = "\t=1+1";
    private static readonly string FileName = "=1+1.csv";
    private static readonly string[] Hostile = [FirmName, ProjectName, BatchName, Actor, TabActor, FileName];

    /// <summary>The export routes the product has today; the sweep must find each (and finds any new one by itself).</summary>
    private static readonly string[] KnownExports =
    [
        "/api/imports/template", "/api/counties/{countyId}/export", "/api/counties/{countyId}/history",
        "/api/batches/{batchId}/notice.csv", "/api/batches/{batchId}/notice.xlsx",
    ];

    private static string Agent(string name) => AppProcess.Token("county", County, name);
    private static readonly string City = AppProcess.Token("city", name: "city-staff");

    [Fact]
    public async Task No_csv_or_xlsx_export_holds_a_formula_leading_text_cell()
    {
        var (firm, batchId, applicationId) = await HostileData();
        var parameters = new Dictionary<string, string>
        {
            ["countyId"] = County, ["batchId"] = batchId, ["id"] = firm, ["enterpriseId"] = firm, ["applicationId"] = $"{applicationId}",
        };

        var openApi = await app.Http().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var swept = new Dictionary<string, List<string>>();
        var skipped = new List<string>();
        using var http = app.Http(City);
        foreach (var path in openApi.GetProperty("paths").EnumerateObject())
        {
            if (!path.Value.TryGetProperty("get", out _)) continue;
            var url = path.Name;
            var missing = false;
            foreach (var name in System.Text.RegularExpressions.Regex.Matches(path.Name, @"\{(\w+)(:[^}]*)?\}").Select(m => m.Groups[1].Value))
            {
                if (parameters.TryGetValue(name, out var value)) url = System.Text.RegularExpressions.Regex.Replace(url, $@"\{{{name}(:[^}}]*)?\}}", value);
                else missing = true;
            }
            if (missing) { skipped.Add(path.Name); continue; }
            foreach (var format in new[] { "csv", "xlsx" })
            {
                var separator = url.Contains('?') ? '&' : '?';
                // Headers first: some GET routes stream (server-sent events) and are no files anyway.
                using var response = await http.GetAsync($"{url}{separator}format={format}&county={County}&take=100000", HttpCompletionOption.ResponseHeadersRead);
                var type = response.Content.Headers.ContentType?.MediaType;
                if (!response.IsSuccessStatusCode || type is not ("text/csv" or SpreadsheetFormat.XlsxType)) continue;
                var cells = type == "text/csv" ? CsvTextCells(await response.Content.ReadAsByteArrayAsync()) : XlsxTextCells(await response.Content.ReadAsByteArrayAsync());
                var label = $"{path.Name} ({type})";
                var formulas = cells.Where(SpreadsheetWriter.IsFormulaLeading).ToList();
                Assert.True(formulas.Count == 0, $"{label}: formula-leading text cells {string.Join(" | ", formulas.Take(5))}");
                swept[label] = cells;
            }
        }

        // The sweep found every export we know of, in both formats, and each carries some of the hostile names — neutralised.
        foreach (var known in KnownExports)
        {
            var found = swept.Keys.Where(k => k.StartsWith(known + " ", StringComparison.Ordinal)).ToList();
            Assert.True(found.Count > 0, $"{known} was not found as an export (skipped: {string.Join(", ", skipped)})");
        }
        foreach (var known in new[] { "/api/imports/template", "/api/counties/{countyId}/export", "/api/counties/{countyId}/history" })
            Assert.Equal(2, swept.Keys.Count(k => k.StartsWith(known + " ", StringComparison.Ordinal)));
        foreach (var (label, cells) in swept)
            Assert.True(cells.Any(c => Hostile.Any(h => c == "'" + h || c.Contains("'" + h, StringComparison.Ordinal))), $"{label}: none of the hostile names is in it");
        Assert.Contains(swept.SelectMany(kv => kv.Value), c => c == "'" + FirmName);
        Assert.Contains(swept.SelectMany(kv => kv.Value), c => c == "'" + TabActor);
    }

    [Fact]
    public async Task Numbers_stay_numbers_and_neutralised_names_read_back_as_typed()
    {
        var (firm, _, _) = await HostileData();
        using var http = app.Http(City);
        var xlsx = await http.GetByteArrayAsync($"/api/counties/{County}/export?format=xlsx");
        using var doc = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        Assert.Empty(new OpenXmlValidator().Validate(doc));
        var rows = doc.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        var header = rows[0].Elements<Cell>().Select(c => c.InnerText).ToList();
        var ours = rows.Single(r => r.Elements<Cell>().First().InnerText == firm).Elements<Cell>().ToList();
        var total = ours[header.FindIndex(h => h.StartsWith("总投资", StringComparison.Ordinal))];
        Assert.Equal(CellValues.Number, total.DataType!.Value);
        Assert.True(decimal.Parse(total.CellValue!.Text, CultureInfo.InvariantCulture) > 0);
        Assert.Empty(doc.WorkbookPart.WorksheetParts.Single().Worksheet.Descendants<CellFormula>());

        var csv = CsvRows(await http.GetByteArrayAsync($"/api/counties/{County}/export?format=csv"));
        var line = csv.Single(r => r[0] == firm);
        Assert.True(decimal.TryParse(line[header.FindIndex(h => h.StartsWith("总投资", StringComparison.Ordinal))], NumberStyles.Number, CultureInfo.InvariantCulture, out _));
        Assert.Equal("'" + FirmName, line[1]);

        // The template a county fills in and uploads again: its neutralised names read back as the names themselves.
        foreach (var format in new[] { "csv", "xlsx" })
        {
            var template = await http.GetByteArrayAsync($"/api/imports/template?county={County}&format={format}");
            var sheet = SpreadsheetReader.Read(new MemoryStream(template), format);
            Assert.Contains(sheet.Rows, r => r.Cells[0] == firm && r.Cells[1] == FirmName && r.Cells[3] == ProjectName);
        }
    }

    private static int _made;
    private static (string Firm, string Batch, int Application) _data;
    private static readonly SemaphoreSlim Once = new(1, 1);

    /// <summary>Firm, project, batch, application on the public notice, a change by hostile users and an import from a hostile file name.</summary>
    private async Task<(string Firm, string Batch, int Application)> HostileData()
    {
        await Once.WaitAsync();
        try
        {
            if (_made == 1) return _data;
            var firm = "sweep-firm";
            using var agent = app.Http(Agent(Actor));
            Assert.Equal(HttpStatusCode.Created, (await agent.PutAsJsonAsync($"/api/enterprises/{firm}",
                new { name = FirmName, countyId = County, sector = "coal", aboveScale = true, status = "active" })).StatusCode);
            var project = await agent.PostAsJsonAsync($"/api/enterprises/{firm}/projects",
                new { name = ProjectName, kind = "intelligent", totalInvestment = 80_000_000m, plannedThisYear = 20_000_000m, startMonth = "2022-01", endMonth = "2023-06", status = "underway" });
            Assert.Equal(HttpStatusCode.Created, project.StatusCode);
            using (var tab = app.Http(Agent(TabActor)))
                (await tab.PutAsJsonAsync($"/api/enterprises/{firm}/projects/p1/progress/2022-03", new { invested = 5_000_000m })).EnsureSuccessStatusCode();

            // An account whose display name is a formula, and an import from a file named like one.
            using var city = app.Http(City);
            var user = await city.PostAsJsonAsync("/api/users", new { userName = "sweep-user", displayName = FirmName, role = "county", county = County, password = "sweep-password-1" });
            Assert.True(user.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict);
            var csv = "企业代码,企业名称,项目编号,项目名称,月份,当月完成投资（万元）\r\n" + $"{firm},x,p1,x,2022-04,300\r\n";
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(file, "file", FileName);
            var preview = await agent.PostAsync("/api/imports", form);
            Assert.Equal(HttpStatusCode.Created, preview.StatusCode);
            var importId = (await preview.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
            Assert.Equal(HttpStatusCode.OK, (await agent.PostAsync($"/api/imports/{importId}/apply", null)).StatusCode);

            // A batch named like a formula with the firm's project on its public notice.
            var batchId = "sweep-1";
            Assert.Equal(HttpStatusCode.Created, (await city.PostAsJsonAsync("/api/batches", new
            {
                id = batchId, name = BatchName, windowFrom = "2022-01", windowTo = "2022-08", kinds = new[] { "intelligent", "green", "technical" },
                subsidy = new { rate = 0.3m, cap = 5_000_000m }, rewards = new Dictionary<string, decimal> { ["smart-workshop"] = 300_000m },
            })).StatusCode);
            var applied = await agent.PostAsJsonAsync($"/api/batches/{batchId}/applications", new { enterpriseId = firm, projectId = "p1", @class = "subsidy" });
            Assert.True(applied.StatusCode == HttpStatusCode.Created, await applied.Content.ReadAsStringAsync());
            var appId = (await applied.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
            foreach (var (who, stage, score) in new[]
                     {
                         (agent, "county-check", (decimal?)null), (agent, "county-recommendation", null), (city, "equipment-verification", null),
                         (city, "expert-recheck", null), (city, "expert-panel", 88m), (city, "special-audit", null),
                     })
            {
                var r = await who.PostAsJsonAsync($"/api/batches/{batchId}/applications/{appId}/decisions", new { stage, decision = "approve", score });
                Assert.True(r.StatusCode == HttpStatusCode.OK, $"{stage}: {await r.Content.ReadAsStringAsync()}");
            }
            Assert.Equal(HttpStatusCode.OK, (await city.PostAsJsonAsync($"/api/batches/{batchId}/notice", new { until = DateTimeOffset.UtcNow.AddDays(7), note = "公示" })).StatusCode);
            _data = (firm, batchId, appId);
            _made = 1;
            return _data;
        }
        finally
        {
            Once.Release();
        }
    }

    private static List<string[]> CsvRows(byte[] bytes)
    {
        using var reader = new CsvReader(new StringReader(Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF')),
            new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false });
        var rows = new List<string[]>();
        while (reader.Read()) rows.Add(reader.Parser.Record!);
        return rows;
    }

    /// <summary>Every CSV field as a spreadsheet would see it (numbers are fine: they never run as formulas).</summary>
    private static List<string> CsvTextCells(byte[] bytes) => [.. CsvRows(bytes).SelectMany(r => r)];

    /// <summary>Every text cell of every sheet (inline, shared or formula-string); a formula cell is itself a failure.</summary>
    private static List<string> XlsxTextCells(byte[] bytes)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var shared = doc.WorkbookPart!.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
        var cells = new List<string>();
        foreach (var part in doc.WorkbookPart.WorksheetParts)
        {
            foreach (var cell in part.Worksheet.Descendants<Cell>())
            {
                Assert.Null(cell.CellFormula);
                if (cell.DataType?.Value == CellValues.Number || cell.DataType is null && cell.InlineString is null) continue;
                var text = cell.DataType?.Value == CellValues.SharedString ? shared[int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)]
                    : cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? "";
                cells.Add(text);
            }
        }
        return cells;
    }
}
