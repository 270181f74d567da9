using Microsoft.Extensions.Options;
using Programme.Aggregation;
using Programme.Boards;
using Programme.Domain;
using Programme.Grains.Boards;
using Programme.Push;

namespace Programme.Grains.City;

/// <summary>
/// The city programme: the newest totals of each county (version-guarded), the city's targets, and the board with
/// its county league. It is written to only by the eight counties, each at most a few times a second.
/// </summary>
[KeepAlive]
public sealed class CityGrain(
    [PersistentState("city", StorageNames.Programme)] IPersistentState<CityState> state,
    IOptions<ProgrammeOptions> options,
    TimeProvider clock) : Grain, ICityGrain
{
    private readonly Dictionary<string, CountyTotals> _counties = new(StringComparer.Ordinal);
    private readonly ProgrammeCalendar _calendar = options.Value.Calendar;
    private readonly TimeSpan _interval = options.Value.FlushInterval;
    private long _version = BoardVersions.Start(clock);
    private Board? _board;
    private BoardForecast? _forecast;
    private IReadOnlyList<BoardWarning>? _warnings;
    private WhileChanging? _pushes;

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
        Changed();
    }

    private void Changed()
    {
        _version++;
        _board = null;
        (_pushes ??= new WhileChanging(this, _interval, PushBoard)).Changed();
    }

    private async Task PushBoard(CancellationToken cancellationToken)
    {
        var board = await GetBoard();
        await GrainFactory.GetGrain<IBoardNotifierGrain>(0).Publish(new BoardUpdate(board.Scope, board.Version, board, clock.GetUtcNow()));
    }

    public async Task SetTargets(ProgrammeTargets targets)
    {
        if (state.State.Targets == targets) return;
        var before = state.State.Targets;
        state.State.Targets = targets;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.Targets = before;
            throw;
        }
        Changed();
    }

    public Task SetForecast(BoardForecast? forecast, IReadOnlyList<BoardWarning> warnings)
    {
        _forecast = forecast;
        _warnings = warnings;
        Changed();
        return Task.CompletedTask;
    }

    public Task<Board> GetBoard() =>
        Task.FromResult(_board ??= BoardBuilder.City(_version, _counties.Values.ToList(), state.State.Targets, _calendar) with
        {
            Forecast = _forecast, Warnings = _warnings,
        });

    public Task<ProgrammeTargets> GetTargets() => Task.FromResult(state.State.Targets);
}
