using Microsoft.Extensions.Options;
using Programme.Aggregation;
using Programme.Boards;
using Programme.Domain;
using Programme.Grains.Boards;
using Programme.Push;

namespace Programme.Grains.Counties;

/// <summary>
/// A county: holds the newest report of each of its enterprises (by version, so repeats and reordering never
/// double-count), keeps running totals, and reports them to the city on a short timer while they change.
/// </summary>
[KeepAlive]
public sealed class CountyGrain(
    [PersistentState("county", StorageNames.Programme)] IPersistentState<CountyState> state,
    IOptions<ProgrammeOptions> options,
    TimeProvider clock) : Grain, ICountyGrain
{
    private const int RebuildParallelism = 256;

    private readonly Dictionary<string, EnterpriseReport> _reports = new(StringComparer.Ordinal);
    /// <summary>Version at which an enterprise left this county, so a late report cannot bring it back.</summary>
    private readonly Dictionary<string, long> _withdrawn = new(StringComparer.Ordinal);
    private readonly ContributionSum _sum = new();
    private readonly ProgrammeCalendar _calendar = options.Value.Calendar;
    private readonly TimeSpan _interval = options.Value.FlushInterval;
    private long _version = BoardVersions.Start(clock);
    private bool _totalsDirty;
    private bool _membersDirty;
    private IGrainTimer? _timer;
    private Board? _board;

    private string CountyId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var members = state.State.Members.ToArray();
        for (var i = 0; i < members.Length; i += RebuildParallelism)
        {
            var chunk = members.Skip(i).Take(RebuildParallelism)
                .Select(id => GrainFactory.GetGrain<IEnterpriseGrain>(id).GetReport());
            var reports = await Task.WhenAll(chunk);
            foreach (var r in reports)
                if (r is not null && r.CountyId == CountyId) Accept(r);
        }
        if (members.Length > 0) MarkDirty(membersChanged: false);
    }

    public Task Apply(IReadOnlyList<EnterpriseReport> reports)
    {
        var changed = false;
        var membersChanged = false;
        foreach (var r in reports)
        {
            if (r.CountyId != CountyId) continue;
            if (_withdrawn.TryGetValue(r.EnterpriseId, out var gone) && gone >= r.Version) continue;
            if (r.IsWithdrawal)
            {
                if (_reports.Remove(r.EnterpriseId, out var old))
                {
                    _sum.Subtract(old.Contribution);
                    changed = true;
                }
                _withdrawn[r.EnterpriseId] = r.Version;
                membersChanged |= state.State.Members.Remove(r.EnterpriseId);
                continue;
            }
            if (Accept(r))
            {
                changed = true;
                membersChanged |= state.State.Members.Add(r.EnterpriseId);
            }
        }
        if (changed || membersChanged) MarkDirty(membersChanged);
        return Task.CompletedTask;
    }

    private bool Accept(EnterpriseReport r)
    {
        if (_reports.TryGetValue(r.EnterpriseId, out var held))
        {
            if (held.Version >= r.Version) return false;
            _sum.Subtract(held.Contribution);
        }
        _reports[r.EnterpriseId] = r;
        _withdrawn.Remove(r.EnterpriseId);
        _sum.Add(r.Contribution);
        return true;
    }

    public async Task SetTargets(ProgrammeTargets targets)
    {
        if (state.State.Targets == targets) return;
        state.State.Targets = targets;
        await state.WriteStateAsync();
        MarkDirty(membersChanged: false);
    }

    public Task<Board> GetBoard() =>
        Task.FromResult(_board ??= BoardBuilder.County(CountyCatalogue.Get(CountyId), _version, _sum.ToContribution(), state.State.Targets, _calendar));

    public Task<CountyTotals> GetTotals() =>
        Task.FromResult(new CountyTotals(CountyId, _version, _sum.ToContribution(), state.State.Targets));

    public Task<EnterprisePage> ListEnterprises(EnterpriseQuery query) =>
        Task.FromResult(EnterpriseListing.Page(_reports.Values.Select(r => r.Summary!), query));

    private void MarkDirty(bool membersChanged)
    {
        _version++;
        _board = null;
        _totalsDirty = true;
        _membersDirty |= membersChanged;
        _timer ??= this.RegisterGrainTimer(Flush, new GrainTimerCreationOptions(_interval, _interval) { Interleave = false });
    }

    private async Task Flush(CancellationToken cancellationToken)
    {
        if (!_totalsDirty && !_membersDirty)
        {
            _timer?.Dispose();
            _timer = null;
            return;
        }
        if (_membersDirty)
        {
            _membersDirty = false;
            await state.WriteStateAsync(cancellationToken);
        }
        if (_totalsDirty)
        {
            _totalsDirty = false;
            var board = await GetBoard();
            await GrainFactory.GetGrain<IBoardNotifierGrain>(0).Publish(new BoardUpdate(board.Scope, board.Version, board, DateTimeOffset.UtcNow));
            await GrainFactory.GetGrain<ICityGrain>(GrainKeys.City)
                .ReportCounty(new CountyTotals(CountyId, _version, _sum.ToContribution(), state.State.Targets));
        }
    }
}
