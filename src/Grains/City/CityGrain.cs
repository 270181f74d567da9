using Microsoft.Extensions.Options;
using Programme.Aggregation;
using Programme.Boards;
using Programme.Domain;
using Programme.Grains.Boards;

namespace Programme.Grains.City;

/// <summary>
/// The city programme: the newest totals of each county (version-guarded), the city's targets, and the board with
/// its county league. It is written to only by the eight counties, each at most a few times a second.
/// </summary>
[KeepAlive]
public sealed class CityGrain(
    [PersistentState("city", StorageNames.Programme)] IPersistentState<CityState> state,
    IOptions<ProgrammeOptions> options) : Grain, ICityGrain
{
    private readonly Dictionary<string, CountyTotals> _counties = new(StringComparer.Ordinal);
    private readonly ProgrammeCalendar _calendar = options.Value.Calendar;
    private long _version;
    private Board? _board;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Counties push only when they change: after a restart, ask each for where it stands.
        var totals = await Task.WhenAll(CountyCatalogue.All.Select(c => GrainFactory.GetGrain<ICountyGrain>(c.Id).GetTotals()));
        foreach (var t in totals) Accept(t);
    }

    public Task ReportCounty(CountyTotals totals)
    {
        Accept(totals);
        return Task.CompletedTask;
    }

    private void Accept(CountyTotals totals)
    {
        if (!CountyCatalogue.Exists(totals.CountyId)) return;
        if (_counties.TryGetValue(totals.CountyId, out var held) && held.Version >= totals.Version) return;
        _counties[totals.CountyId] = totals;
        _version++;
        _board = null;
    }

    public async Task SetTargets(ProgrammeTargets targets)
    {
        if (state.State.Targets == targets) return;
        state.State.Targets = targets;
        await state.WriteStateAsync();
        _version++;
        _board = null;
    }

    public Task<Board> GetBoard() =>
        Task.FromResult(_board ??= BoardBuilder.City(_version, _counties.Values.ToList(), state.State.Targets, _calendar));
}
