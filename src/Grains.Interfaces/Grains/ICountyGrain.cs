using Programme.Aggregation;
using Programme.Boards;
using Programme.Domain;

namespace Programme.Grains;

/// <summary>A county (县市区), keyed by its id: its targets, the newest report of each of its enterprises, live totals.</summary>
public interface ICountyGrain : IGrainWithStringKey
{
    /// <summary>Applies a batch of enterprise reports; older or repeated versions are ignored.</summary>
    Task Apply(IReadOnlyList<EnterpriseReport> reports);

    Task SetTargets(ProgrammeTargets targets);

    /// <summary>Pushes the board and reports the totals to the city now rather than at the next flush (after a dataset load).</summary>
    Task ReportNow();

    /// <summary>The live forecast and the warnings in force (from the forecast service); a new board version is pushed.</summary>
    Task SetForecast(BoardForecast? forecast, IReadOnlyList<BoardWarning> warnings);

    [AlwaysInterleave]
    Task<Board> GetBoard();

    [AlwaysInterleave]
    Task<CountyTotals> GetTotals();

    [AlwaysInterleave]
    Task<EnterprisePage> ListEnterprises(EnterpriseQuery query);
}
