using Programme.Boards;
using Programme.Domain;
using Programme.Grains;

namespace Programme.Web.Api;

/// <summary>
/// <c>?asOf=YYYY-MM</c> on the board routes: the board as of a past reporting month, recomputed from the enterprises'
/// records. A month that is not a month, or one the records do not cover, is a 400 naming <c>asOf</c> and the months
/// there are (<c>firstMonth</c>, <c>lastMonth</c> in the problem, so a page can say it in its reader's language).
/// </summary>
public static class PastBoards
{
    public static async Task<IResult> City(IGrainFactory grains, string asOf) =>
        YearMonth.TryParse(asOf, out var month)
            ? Answer(await grains.GetGrain<IPastBoardGrain>(0).GetCity(month), month)
            : NotAMonth(asOf);

    public static async Task<IResult> County(IGrainFactory grains, string countyId, string asOf) =>
        YearMonth.TryParse(asOf, out var month)
            ? Answer(await grains.GetGrain<IPastBoardGrain>(0).GetCounty(countyId, month), month)
            : NotAMonth(asOf);

    private static IResult Answer(PastBoard past, YearMonth month) =>
        past.Board is { } board ? Results.Ok(board) : Results.ValidationProblem(
            new Dictionary<string, string[]>
            {
                ["asOf"] = [$"{month} is outside the months the records cover: {past.FirstMonth} to {past.LastMonth} (the reporting month)."],
            },
            title: "No board for that month.",
            extensions: new Dictionary<string, object?> { ["firstMonth"] = past.FirstMonth, ["lastMonth"] = past.LastMonth });

    private static IResult NotAMonth(string asOf) => Results.ValidationProblem(
        new Dictionary<string, string[]> { ["asOf"] = [$"'{asOf}' is not a month: write it as YYYY-MM, e.g. 2022-05."] },
        title: "No board for that month.");
}
