using Microsoft.Extensions.Logging;
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
/// Reports travel through per-silo buffers, and a silo that dies takes its unsent reports with it; so when the cluster
/// loses a silo, the county asks every enterprise on its roster where it stands (对账), and its totals are again the
/// sum of the enterprises' durable states.
/// </summary>
[KeepAlive]
public sealed class CountyGrain(
    [PersistentState("county", StorageNames.Programme)] IPersistentState<CountyState> state,
    IOptions<ProgrammeOptions> options,
    IClusterMembershipService membership,
    TimeProvider clock,
    ILogger<CountyGrain> logger) : Grain, ICountyGrain
{
    private const int ReconcileParallelism = 256;
    private static readonly TimeSpan MembershipCheck = TimeSpan.FromSeconds(1);
    /// <summary>How soon to ask again the firms that did not answer (their silo just died; a firm that never answers must not cost a storm).</summary>
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    private readonly Dictionary<string, EnterpriseReport> _reports = new(StringComparer.Ordinal);
    /// <summary>Version at which an enterprise left this county, so a late report cannot bring it back.</summary>
    private readonly Dictionary<string, long> _withdrawn = new(StringComparer.Ordinal);
    /// <summary>
    /// One instance of each recent standing with no investment completed in the programme year (a firm's contribution is
    /// 272 B, and many firms' are equal: below-scale firms, projects not yet reporting): bounded, and only for those, since a
    /// standing with monthly figures is nearly always a firm's own.
    /// </summary>
    private readonly Dictionary<Contribution, Contribution> _sameContributions = [];
    private const int SameContributionsLimit = 1024;
    private readonly ContributionSum _sum = new();
    private readonly ProgrammeCalendar _calendar = options.Value.Calendar;
    private readonly TimeSpan _interval = options.Value.FlushInterval;
    private readonly HashSet<SiloAddress> _deadSeen = [];
    private long _version = BoardVersions.Start(clock);
    /// <summary>When (a <see cref="TimeProvider"/> timestamp) some firms last failed to answer; they are asked again <see cref="RetryAfter"/> later.</summary>
    private long? _reconcileAgainAt;
    private WhileChanging? _flushes;
    private Board? _board;
    private BoardForecast? _forecast;
    private IReadOnlyList<BoardWarning>? _warnings;

    private string CountyId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        NoteDeadSilos();
        await Reconcile();
        MarkDirty();
        this.RegisterGrainTimer(WatchMembership, new GrainTimerCreationOptions(MembershipCheck, MembershipCheck) { Interleave = false });
    }

    public Task Apply(IReadOnlyList<EnterpriseReport> reports)
    {
        var changed = false;
        foreach (var r in reports)
        {
            if (r.CountyId != CountyId) continue;
            changed |= r.IsWithdrawal ? Withdraw(r.EnterpriseId, r.Version) : Accept(r);
        }
        if (changed) MarkDirty();
        return Task.CompletedTask;
    }

    private bool Accept(EnterpriseReport r)
    {
        if (_withdrawn.TryGetValue(r.EnterpriseId, out var gone) && gone >= r.Version) return false;
        if (_reports.TryGetValue(r.EnterpriseId, out var held))
        {
            if (held.Version >= r.Version) return false;
            _sum.Subtract(held.Contribution);
        }
        _reports[r.EnterpriseId] = Shared(r);
        _withdrawn.Remove(r.EnterpriseId);
        _sum.Add(r.Contribution);
        return true;
    }

    /// <summary>The report with its contribution replaced by an equal one already held, if there is one.</summary>
    private EnterpriseReport Shared(EnterpriseReport r)
    {
        var c = r.Contribution;
        if (!ReferenceEquals(c.CompletedByMonth, Contribution.NoMonths)) return r;
        if (_sameContributions.TryGetValue(c, out var same)) return ReferenceEquals(same, c) ? r : r with { Contribution = same };
        if (_sameContributions.Count >= SameContributionsLimit) _sameContributions.Clear();
        _sameContributions[c] = c;
        return r;
    }

    private bool Withdraw(string enterpriseId, long version)
    {
        if (_withdrawn.TryGetValue(enterpriseId, out var gone) && gone >= version) return false;
        _withdrawn[enterpriseId] = version;
        if (!_reports.TryGetValue(enterpriseId, out var held) || held.Version >= version) return false;
        _reports.Remove(enterpriseId);
        _sum.Subtract(held.Contribution);
        return true;
    }

    /// <summary>
    /// Asks every enterprise on the roster for its report, read from its durable state, and takes whatever is newer than
    /// what is held: a report for this county, or (for a firm that moved away) its withdrawal. An enterprise that cannot
    /// answer now (its silo just died) is asked again on the next membership check.
    /// </summary>
    private async Task Reconcile()
    {
        _reconcileAgainAt = null;
        var members = (await GrainFactory.GetGrain<ICountyRosterGrain>(CountyId).GetMembers()).ToArray();
        var changed = false;
        var failed = 0;
        for (var i = 0; i < members.Length; i += ReconcileParallelism)
        {
            var chunk = members.Skip(i).Take(ReconcileParallelism).Select(Ask).ToArray();
            foreach (var (id, report, error) in await Task.WhenAll(chunk))
            {
                if (error is not null) { failed++; continue; }
                if (report is null) continue;
                changed |= report.CountyId == CountyId ? Accept(report) : Withdraw(id, report.Version);
            }
        }
        if (failed > 0)
        {
            _reconcileAgainAt = clock.GetTimestamp();
            logger.LogWarning("County {County}: {Failed} of {Count} enterprises did not answer; asking again shortly", CountyId, failed, members.Length);
        }
        if (changed) MarkDirty();

        async Task<(string Id, EnterpriseReport? Report, Exception? Error)> Ask(string id)
        {
            try
            {
                return (id, await GrainFactory.GetGrain<IEnterpriseGrain>(id).GetReport(), null);
            }
            catch (Exception ex)
            {
                return (id, null, ex);
            }
        }
    }

    private async Task WatchMembership(CancellationToken cancellationToken)
    {
        if (NoteDeadSilos() || (_reconcileAgainAt is { } failedAt && clock.GetElapsedTime(failedAt) >= RetryAfter))
        {
            logger.LogInformation("County {County}: reconciling with its enterprises after a change in the cluster", CountyId);
            await Reconcile();
        }
    }

    /// <summary>Remembers the silos declared dead; true if one is new since the last look.</summary>
    private bool NoteDeadSilos()
    {
        var added = false;
        foreach (var member in membership.CurrentSnapshot.Members.Values)
            if (member.Status == SiloStatus.Dead) added |= _deadSeen.Add(member.SiloAddress);
        return added;
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
        MarkDirty();
    }

    public Task SetForecast(BoardForecast? forecast, IReadOnlyList<BoardWarning> warnings)
    {
        _forecast = forecast;
        _warnings = warnings;
        MarkDirty();
        return Task.CompletedTask;
    }

    public Task ReportNow() => (_flushes ??= new WhileChanging(this, _interval, Flush)).Now(CancellationToken.None);

    public Task<Board> GetBoard() =>
        Task.FromResult(_board ??= BoardBuilder.County(CountyCatalogue.Get(CountyId), _version, _sum.ToContribution(), state.State.Targets, _calendar) with
        {
            Forecast = _forecast, Warnings = _warnings,
        });

    public Task<CountyTotals> GetTotals() =>
        Task.FromResult(new CountyTotals(CountyId, _version, _sum.ToContribution(), state.State.Targets));

    public Task<EnterprisePage> ListEnterprises(EnterpriseQuery query) =>
        Task.FromResult(EnterpriseListing.Page(_reports.Values.Select(r => r.Summary!), query));

    private void MarkDirty()
    {
        _version++;
        _board = null;
        (_flushes ??= new WhileChanging(this, _interval, Flush)).Changed();
    }

    private async Task Flush(CancellationToken cancellationToken)
    {
        var board = await GetBoard();
        await GrainFactory.GetGrain<IBoardNotifierGrain>(0).Publish(new BoardUpdate(board.Scope, board.Version, board, clock.GetUtcNow()));
        await GrainFactory.GetGrain<ICityGrain>(GrainKeys.City)
            .ReportCounty(new CountyTotals(CountyId, _version, _sum.ToContribution(), state.State.Targets));
    }
}
