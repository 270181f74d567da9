using Programme.Boards;
using Programme.Domain;
using Programme.Grains;

namespace Programme.Web.Api;

/// <summary>Board reads: open without a token while Auth:PublicBoards is true.</summary>
public static class BoardApi
{
    public static IEndpointRouteBuilder MapBoardApi(this IEndpointRouteBuilder app)
    {
        var boards = app.MapGroup("/api").WithTags("Boards");
        boards.MapGet("/board/city", async (IGrainFactory grains, string? asOf) => asOf is null
            ? Results.Ok(await grains.GetGrain<ICityGrain>(GrainKeys.City).GetBoard())
            : await PastBoards.City(grains, asOf)).Produces<Board>().WithConditionalReads();

        boards.MapGet("/board/counties/{countyId}", async (string countyId, IGrainFactory grains, string? asOf) =>
            !CountyCatalogue.Exists(countyId) ? Problems.UnknownCounty(countyId)
            : asOf is null ? Results.Ok(await grains.GetGrain<ICountyGrain>(countyId).GetBoard())
            : await PastBoards.County(grains, countyId, asOf)).Produces<Board>().WithConditionalReads();

        boards.MapGet("/counties", () => CountyCatalogue.All);
        boards.MapGet("/sectors", () => Sectors.All);

        boards.MapGet("/counties/{countyId}/enterprises", async (string countyId, IGrainFactory grains,
            int? skip, int? take, string? sort, bool? desc, string? search, bool? aboveScale, bool? covered, string? sector, string? status) =>
        {
            if (!CountyCatalogue.Exists(countyId)) return Problems.UnknownCounty(countyId);
            var errors = new Dictionary<string, string[]>();
            if (skip < 0) errors["skip"] = ["must not be negative"];
            if (take is < 1 or > 500) errors["take"] = ["must be between 1 and 500"];
            if (errors.Count > 0) return Results.ValidationProblem(errors);
            var query = new EnterpriseQuery
            {
                Skip = skip ?? 0, Take = take ?? 50, Sort = sort ?? "name", Descending = desc ?? false, Search = search,
                AboveScale = aboveScale, Covered = covered, Sector = sector, Status = status,
            };
            return Results.Ok(await grains.GetGrain<ICountyGrain>(countyId).ListEnterprises(query));
        });
        return app;
    }
}
