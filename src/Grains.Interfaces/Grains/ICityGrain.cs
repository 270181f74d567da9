using Programme.Aggregation;
using Programme.Boards;
using Programme.Domain;

namespace Programme.Grains;

/// <summary>The city programme (市): totals over the counties, the city's targets, the county ranking.</summary>
public interface ICityGrain : IGrainWithStringKey
{
    /// <summary>A county's newest totals; an older version than the one held is ignored.</summary>
    Task ReportCounty(CountyTotals totals);

    Task SetTargets(ProgrammeTargets targets);

    /// <summary>The live forecast and the warnings in force (from the forecast service); a new board version is pushed.</summary>
    Task SetForecast(BoardForecast? forecast, IReadOnlyList<BoardWarning> warnings);

    [AlwaysInterleave]
    Task<Board> GetBoard();

    /// <summary>The city's targets in force (for boards as of a past month).</summary>
    [AlwaysInterleave]
    Task<ProgrammeTargets> GetTargets();
}
