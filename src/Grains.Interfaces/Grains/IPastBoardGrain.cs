using Programme.Boards;
using Programme.Domain;

namespace Programme.Grains;

/// <summary>
/// Boards as of a past month (看板回溯), read on demand from every enterprise's own record — never from stored board
/// snapshots, so a later correction of a past month shows in its board too. A stateless worker: no state, any silo.
/// </summary>
public interface IPastBoardGrain : IGrainWithIntegerKey
{
    /// <summary>The city board with its county league as of the end of <paramref name="month"/>.</summary>
    Task<PastBoard> GetCity(YearMonth month);

    /// <summary>A county's board as of the end of <paramref name="month"/>.</summary>
    Task<PastBoard> GetCounty(string countyId, YearMonth month);
}
