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

    [AlwaysInterleave]
    Task<Board> GetBoard();

    /// <summary>The city's targets in force (for boards as of a past month).</summary>
    [AlwaysInterleave]
    Task<ProgrammeTargets> GetTargets();
}
