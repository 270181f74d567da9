using Programme.Boards;
using Programme.Domain;
using Programme.Grains;
using Programme.Grains.Counties;
using Programme.Web.Hosting;
using Programme.Web.Reports;

namespace Programme.Web.Api;

/// <summary>
/// The monthly scheduling report (月调度通报), for city staff: <c>GET /api/reports/monthly?month=YYYY-MM&amp;format=json|docx</c>.
/// The reporting month in force reads the live city board (with its forecast and warnings once computed); an earlier
/// month reads the board as of that month, recomputed from the firms' records (no forecast or warnings: those are live).
/// </summary>
public static class ReportApi
{
    public static IEndpointRouteBuilder MapReportApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization(Roles.CityPolicy)
            .MapGet("/monthly", async (string? month, string? format, IGrainFactory grains) =>
            {
                var live = await grains.GetGrain<ICityGrain>(GrainKeys.City).GetBoard();
                var errors = new Dictionary<string, string[]>();
                var at = YearMonth.Parse(live.ReportingMonth);
                if (month is not null && !YearMonth.TryParse(month, out at))
                    errors["month"] = [$"'{month}' is not a month: write it as YYYY-MM, e.g. {live.ReportingMonth}."];
                var fmt = (format ?? "json").ToLowerInvariant();
                if (fmt is not ("json" or "docx")) errors["format"] = ["must be json or docx"];
                if (errors.Count > 0) return Results.ValidationProblem(errors, title: "No report for that request.");

                Board board;
                if (at.ToString() == live.ReportingMonth) board = live;
                else
                {
                    var past = await grains.GetGrain<IPastBoardGrain>(0).GetCity(at);
                    if (past.Board is null)
                        return Results.ValidationProblem(
                            new Dictionary<string, string[]> { ["month"] = [$"{at} is outside the months the records cover: {past.FirstMonth} to {past.LastMonth}."] },
                            title: "No report for that month.",
                            extensions: new Dictionary<string, object?> { ["firstMonth"] = past.FirstMonth, ["lastMonth"] = past.LastMonth });
                    board = past.Board;
                }
                var report = MonthlyReportBuilder.Build(board, await CountyFirms.ReadAll(grains));
                return fmt == "docx"
                    ? Results.File(MonthlyReportDocx.Write(report), MonthlyReportDocx.ContentType, $"月调度通报-{report.Month}.docx")
                    : Results.Ok(report);
            })
            .Produces<MonthlyReport>().Produces(200, contentType: MonthlyReportDocx.ContentType).ProducesValidationProblem()
            .WithSummary("The monthly scheduling report (月调度通报) of a reporting month, as JSON or a Word document (city staff)");
        return app;
    }
}
