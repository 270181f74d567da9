using System.Security.Claims;
using Programme.Boards;
using Programme.Domain;
using Programme.Grains;
using Programme.Grains.Counties;
using Programme.Imports;
using Programme.Web.Hosting;
using Programme.Web.Spreadsheets;

namespace Programme.Web.Api;

/// <summary>Monthly report import (template, upload and preview, apply), county exports and the county audit trail.</summary>
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
            var month = config["Programme:ReportingMonth"] ?? "2022-08";
            var rows = new List<object?[]>();
            await foreach (var firm in Firms(grains, countyId!))
                foreach (var p in firm.Projects.Where(p => p.Status is ProjectStatus.Underway or ProjectStatus.Planned))
                    rows.Add([firm.Id, firm.Name, p.Id, p.Name, month, null]);
            var bytes = SpreadsheetWriter.Write(fmt, MonthlyReportSheet.SheetName, MonthlyReportSheet.Header, rows);
            return Results.File(bytes, fmt == SpreadsheetFormat.Csv ? SpreadsheetFormat.CsvType : SpreadsheetFormat.XlsxType, $"月报模板-{countyId}-{month}.{fmt}");
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
            var (rows, problems) = MonthlyReportSheet.Parse(sheet);
            var id = Guid.NewGuid().ToString("N");
            var summary = await grains.GetGrain<IImportGrain>(id).Preview(Path.GetFileName(file.FileName), rows, problems, Caller.Context(user, request.HttpContext, via: "import"));
            return Results.Created($"/api/imports/{id}", summary);
        }).WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxUploadBytes))
          .RequireRateLimiting(AuthSetup.WritesLimiter);

        imports.MapGet("/{id}", async (string id, IGrainFactory grains) =>
            await grains.GetGrain<IImportGrain>(id).Get() is { } s ? Results.Ok(s) : Problems.NotFound($"No import '{id}'."));

        imports.MapPost("/{id}/apply", async (string id, ClaimsPrincipal user, HttpContext http, IGrainFactory grains) =>
        {
            var grain = grains.GetGrain<IImportGrain>(id);
            var summary = await grain.Get();
            if (summary is null) return Problems.NotFound($"No import '{id}'.");
            var context = Caller.Context(user, http, via: "import");
            if (summary.Status == ImportStatus.Refused)
                return Results.Problem(statusCode: 422, title: "The file has errors; fix them and upload it again", extensions: new Dictionary<string, object?> { ["problems"] = summary.Problems });
            if (summary.Status == ImportStatus.Previewed)
            {
                try { summary = await grain.Apply(context); }
                catch (UnauthorizedAccessException) { return Results.Problem(statusCode: 403, title: "Only the county that uploaded the file can apply it"); }
            }
            return summary.Status switch
            {
                ImportStatus.Applied => Results.Ok(summary),
                _ => Results.Problem(statusCode: 409, title: "Nothing was applied", detail: summary.Reason),
            };
        }).RequireRateLimiting(AuthSetup.WritesLimiter);

        var counties = app.MapGroup("/api/counties/{countyId}").WithTags("County data");

        counties.MapGet("/export", async (string countyId, string? format, IGrainFactory grains) =>
        {
            if (!CountyCatalogue.Exists(countyId)) return Problems.UnknownCounty(countyId);
            var fmt = format == SpreadsheetFormat.Csv ? SpreadsheetFormat.Csv : SpreadsheetFormat.Xlsx;
            var rows = new List<object?[]>();
            await foreach (var f in Firms(grains, countyId))
            {
                if (f.Projects.Length == 0) rows.Add([f.Id, f.Name, f.Sector, f.AboveScale ? "是" : "否", Wire.Name(f.Status), null, null, null, null, null, null, null, null, null]);
                foreach (var p in f.Projects)
                    rows.Add([f.Id, f.Name, f.Sector, f.AboveScale ? "是" : "否", Wire.Name(f.Status), p.Id, p.Name, Wire.Name(p.Kind), Wire.Name(p.Status),
                        p.TotalInvestment, p.PlannedThisYear, p.StartMonth.ToString(), p.EndMonth.ToString(), p.Invested]);
            }
            string[] header = ["企业代码", "企业名称", "行业", "规上", "经营状态", "项目编号", "项目名称", "改造类型", "项目状态", "总投资（元）", "年度计划投资（元）", "开始月份", "结束月份", "累计完成投资（元）"];
            return Results.File(SpreadsheetWriter.Write(fmt, countyId, header, rows),
                fmt == SpreadsheetFormat.Csv ? SpreadsheetFormat.CsvType : SpreadsheetFormat.XlsxType, $"{countyId}-enterprises.{fmt}");
        });

        counties.MapGet("/history", async (string countyId, int? take, string? format, IGrainFactory grains) =>
        {
            if (!CountyCatalogue.Exists(countyId)) return Problems.UnknownCounty(countyId);
            var ids = await Ids(grains, countyId);
            var entries = new List<AuditEntry>();
            foreach (var chunk in ids.Chunk(64))
                // The county's recent changes: each firm's own recent entries, without reading its archive pages.
                foreach (var h in await Task.WhenAll(chunk.Select(id => grains.GetGrain<IEnterpriseGrain>(id).GetRecentHistory())))
                    entries.AddRange(h.Where(e => e.Via != "seed"));
            var newest = entries.OrderByDescending(e => e.At).Take(Math.Clamp(take ?? 200, 1, 100_000)).ToList();
            if (format is null) return Results.Ok(newest);
            var fmt = format == SpreadsheetFormat.Csv ? SpreadsheetFormat.Csv : SpreadsheetFormat.Xlsx;
            string[] header = ["时间", "企业代码", "版本", "操作人", "途径", "来源文件", "操作", "字段", "变更前", "变更后"];
            var rows = newest.SelectMany(e => (e.Changes.Length == 0 ? [new FieldChange("", null, null)] : e.Changes)
                .Select(c => new object?[] { e.At.ToString("yyyy-MM-dd HH:mm:ss"), e.EnterpriseId, e.Version, e.Actor, e.Via, e.Source, e.Action, c.Field, c.Before, c.After }));
            return Results.File(SpreadsheetWriter.Write(fmt, "留痕", header, rows),
                fmt == SpreadsheetFormat.Csv ? SpreadsheetFormat.CsvType : SpreadsheetFormat.XlsxType, $"{countyId}-history.{fmt}");
        });
        return app;
    }

    // Every firm of the county from its roster (Grains.Counties.CountyFirms, shared with the simulation's live fork).
    private static async Task<List<string>> Ids(IGrainFactory grains, string countyId) =>
        [.. (await CountyFirms.Read(grains, countyId)).Select(e => e.Id)];

    private static async IAsyncEnumerable<Enterprise> Firms(IGrainFactory grains, string countyId)
    {
        foreach (var f in await CountyFirms.Read(grains, countyId)) yield return f;
    }
}
