using System.Security.Claims;
using Programme.Boards;
using Programme.Domain;
using Programme.Grains;
using Programme.Grains.Counties;
using Programme.Imports;
using Programme.Web.Api.History;
using Programme.Web.Hosting;
using Programme.Web.Spreadsheets;

namespace Programme.Web.Api;

/// <summary>Monthly report import (pre-filled template, upload and preview old → new, apply the confirmed rows), county exports and the county audit trail.</summary>
public static class ImportApi
{
    public const long MaxUploadBytes = 10 * 1024 * 1024;

    public static IEndpointRouteBuilder MapImportApi(this IEndpointRouteBuilder app)
    {
        var imports = app.MapGroup("/api/imports").WithTags("Monthly report import").RequireAuthorization(Roles.WritePolicy);

        imports.MapGet("/template", async (string? county, string? format, ClaimsPrincipal user, IGrainFactory grains, IConfiguration config) =>
        {
            var countyId = Caller.CountyOf(user) ?? county;
            if (!CountyCatalogue.Exists(countyId)) return Problems.UnknownCounty(countyId ?? "");
            var fmt = format == SpreadsheetFormat.Csv ? SpreadsheetFormat.Csv : SpreadsheetFormat.Xlsx;
            var month = ReportingMonth(config);
            // Pre-filled with what is already reported: a figure left as it is, or a blank cell, changes nothing.
            var rows = new List<object?[]>();
            await foreach (var firm in Firms(grains, countyId!))
                foreach (var line in MonthlyReportSheet.TemplateLines(firm, month))
                    rows.Add(MonthlyReportSheet.Cells(MonthlyReportSheet.Columns, line));
            var bytes = SpreadsheetWriter.Write(fmt, MonthlyReportSheet.SheetName, MonthlyReportSheet.Header, rows);
            return Results.File(bytes, fmt == SpreadsheetFormat.Csv ? SpreadsheetFormat.CsvType : SpreadsheetFormat.XlsxType,
                $"月报模板-{Labels.County(countyId!)}-{month}.{fmt}");
        });

        imports.MapPost("", async (HttpRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
        {
            if (!request.HasFormContentType)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["upload the spreadsheet as multipart/form-data, field 'file'"] });
            var form = await request.ReadFormAsync();
            var file = form.Files.GetFile("file");
            if (file is null || file.Length == 0)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["is required"] });
            var format = SpreadsheetFormat.FromFileName(file.FileName);
            if (format is null)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["must be a .csv or .xlsx file"] });
            Sheet sheet;
            try
            {
                await using var stream = file.OpenReadStream();
                sheet = SpreadsheetReader.Read(stream, format);
            }
            catch (Exception)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["cannot be read as " + format] });
            }
            var parsed = MonthlyReportSheet.Parse(sheet);
            var id = Guid.NewGuid().ToString("N");
            var summary = await grains.GetGrain<IImportGrain>(id).Preview(Path.GetFileName(file.FileName), parsed.Rows, parsed.Problems, parsed.Blank,
                Caller.Context(user, request.HttpContext, via: "import"));
            return Results.Created($"/api/imports/{id}", summary);
        }).WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxUploadBytes))
          .RequireRateLimiting(AuthSetup.WritesLimiter);

        imports.MapGet("/{id}", async (string id, IGrainFactory grains) =>
            await grains.GetGrain<IImportGrain>(id).Get() is { } s ? Results.Ok(s) : Problems.NotFound($"No import '{id}'."));

        // Body (optional): { "rows": [3, 7] } — exactly the rows to apply; flagged changes (zeroing a month, a large
        // jump) are applied only when listed. Without a body every change that is not flagged is applied.
        imports.MapPost("/{id}/apply", async (string id, ClaimsPrincipal user, HttpContext http, IGrainFactory grains) =>
        {
            var grain = grains.GetGrain<IImportGrain>(id);
            var summary = await grain.Get();
            if (summary is null) return Problems.NotFound($"No import '{id}'.");
            ApplyBody? body = null;
            if (http.Request.ContentLength is > 0 || http.Request.Headers.TransferEncoding.Count > 0)
            {
                try { body = await http.Request.ReadFromJsonAsync<ApplyBody>(); }
                catch (System.Text.Json.JsonException) { return Results.ValidationProblem(new Dictionary<string, string[]> { ["rows"] = ["must be a list of row numbers, e.g. {\"rows\": [3, 7]}"] }); }
            }
            if (body?.Rows is { } listed && summary.Status == ImportStatus.Previewed)
            {
                var known = summary.Changes.Select(c => c.Row).ToHashSet();
                var unknown = listed.Where(r => !known.Contains(r)).Distinct().ToArray();
                if (unknown.Length > 0)
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["rows"] = [$"row {string.Join(", ", unknown)} changes nothing in this preview"] });
            }
            var context = Caller.Context(user, http, via: "import");
            if (summary.Status == ImportStatus.Refused)
                return Results.Problem(statusCode: 422, title: "The file has errors; fix them and upload it again", extensions: new Dictionary<string, object?> { ["problems"] = summary.Problems });
            if (summary.Status == ImportStatus.Previewed)
            {
                try { summary = await grain.Apply(context, body?.Rows); }
                catch (UnauthorizedAccessException) { return Results.Problem(statusCode: 403, title: "Only the county that uploaded the file can apply it"); }
            }
            return summary.Status switch
            {
                ImportStatus.Applied => Results.Ok(summary),
                _ => Results.Problem(statusCode: 409, title: "Nothing was applied", detail: summary.Reason),
            };
        }).RequireRateLimiting(AuthSetup.WritesLimiter);

        var counties = app.MapGroup("/api/counties/{countyId}").WithTags("County data");

        // The county's firms and projects in the template's columns and units (万元) first, then descriptive columns
        // with Chinese labels: edited and uploaded as a monthly report it changes exactly what was edited.
        counties.MapGet("/export", async (string countyId, string? format, IGrainFactory grains, IConfiguration config) =>
        {
            if (!CountyCatalogue.Exists(countyId)) return Problems.UnknownCounty(countyId);
            var fmt = format == SpreadsheetFormat.Csv ? SpreadsheetFormat.Csv : SpreadsheetFormat.Xlsx;
            var month = ReportingMonth(config);
            var rows = new List<object?[]>();
            await foreach (var f in Firms(grains, countyId))
                foreach (var line in MonthlyReportSheet.ExportLines(f, month))
                    rows.Add(MonthlyReportSheet.Cells(MonthlyReportSheet.ExportColumns, line));
            return Results.File(SpreadsheetWriter.Write(fmt, MonthlyReportSheet.SheetName, MonthlyReportSheet.ExportHeader, rows),
                fmt == SpreadsheetFormat.Csv ? SpreadsheetFormat.CsvType : SpreadsheetFormat.XlsxType, $"{Labels.County(countyId)}-企业-{month}.{fmt}");
        });

        counties.MapGet("/history", async (string countyId, int? take, string? format, IGrainFactory grains) =>
        {
            if (!CountyCatalogue.Exists(countyId)) return Problems.UnknownCounty(countyId);
            var firms = new List<Enterprise>();
            await foreach (var f in Firms(grains, countyId)) firms.Add(f);
            var entries = new List<AuditEntry>();
            foreach (var chunk in firms.Chunk(64))
                // The county's recent changes: each firm's own recent entries, without reading its archive pages.
                foreach (var h in await Task.WhenAll(chunk.Select(f => grains.GetGrain<IEnterpriseGrain>(f.Id).GetRecentHistory())))
                    entries.AddRange(h.Where(e => e.Via != "seed"));
            var newest = entries.OrderByDescending(e => e.At).Take(Math.Clamp(take ?? 200, 1, 100_000)).ToList();
            var names = new HistoryNames(grains);
            var views = await names.Describe(newest, firms);
            if (format is null) return Results.Ok(views);
            var fmt = format == SpreadsheetFormat.Csv ? SpreadsheetFormat.Csv : SpreadsheetFormat.Xlsx;
            string[] header = ["时间", "企业名称", "企业代码", "版本", "操作人", "渠道", "来源文件", "操作", "字段", "变更前", "变更后"];
            var rows = views.SelectMany(e => (e.Changes.Count == 0 ? [new HistoryChangeView("", null, null)] : e.Changes)
                .Select(c => new object?[]
                {
                    e.At.ToOffset(ChinaTime).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), e.EnterpriseName, e.EnterpriseId, e.Version,
                    e.ActorName, Labels.Via(e.Via), e.Source, Labels.Action(e.Action, e.Version),
                    c.Field.Length == 0 ? "" : HistoryText.Field(c),
                    HistoryText.Value(c.Field, c.Before), HistoryText.Value(c.Field, c.After),
                }));
            return Results.File(SpreadsheetWriter.Write(fmt, "留痕", header, rows),
                fmt == SpreadsheetFormat.Csv ? SpreadsheetFormat.CsvType : SpreadsheetFormat.XlsxType, $"{Labels.County(countyId)}-留痕.{fmt}");
        });
        return app;
    }

    /// <summary>Times in files are Beijing time (UTC+8), as the bureau reads them.</summary>
    private static readonly TimeSpan ChinaTime = TimeSpan.FromHours(8);

    private static YearMonth ReportingMonth(IConfiguration config) =>
        YearMonth.TryParse(config["Programme:ReportingMonth"], out var m) ? m : ProgrammeCalendar.Default.ReportingMonth;

    private sealed record ApplyBody(int[]? Rows);

    // Every firm of the county from its roster (Grains.Counties.CountyFirms, shared with the simulation's live fork).
    private static async Task<List<string>> Ids(IGrainFactory grains, string countyId) =>
        [.. (await CountyFirms.Read(grains, countyId)).Select(e => e.Id)];

    private static async IAsyncEnumerable<Enterprise> Firms(IGrainFactory grains, string countyId)
    {
        foreach (var f in await CountyFirms.Read(grains, countyId)) yield return f;
    }
}
