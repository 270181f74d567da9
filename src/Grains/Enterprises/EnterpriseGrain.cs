using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Programme.Aggregation;
using Programme.Commands;
using Programme.Domain;
using Programme.Grains.Audit;
using Programme.Grains.Counties;

namespace Programme.Grains.Enterprises;

/// <summary>
/// One enterprise. Commands are validated by <see cref="EnterpriseRules"/> against the newest accepted state; an accepted
/// change bumps the version and is acknowledged only once a write that holds it is durable. The grain is reentrant and
/// keeps one write in flight: changes accepted meanwhile ride on the next write together (after Chirper's coalescing
/// writer), so a busy firm costs a few writes a second however many agents report. Readers, the county's report and
/// the audit trail only ever see what is durable. After each write the firm's new standing goes to this silo's
/// <see cref="ReportBuffer"/> for its county.
/// </summary>
[Reentrant]
public sealed class EnterpriseGrain(
    [PersistentState("enterprise", StorageNames.Programme)] IPersistentState<EnterpriseState> state,
    IOptions<ProgrammeOptions> options,
    ReportBuffer buffer,
    TimeProvider clock,
    ILogger<EnterpriseGrain> logger) : Grain, IEnterpriseGrain
{
    private readonly ProgrammeCalendar _calendar = options.Value.Calendar;
    private readonly DurableWrites _writes = new();
    /// <summary>What storage holds.</summary>
    private Enterprise? _durable;
    /// <summary>The packed recent trail storage holds (<see cref="EnterpriseState.Recent"/> runs ahead of it during a write), and how many entries it has.</summary>
    private byte[] _durableRecent = [];
    private int _durableHistory;
    /// <summary>The newest accepted state: what commands validate against. Ahead of <see cref="_durable"/> while a write is pending.</summary>
    private Enterprise? _latest;
    /// <summary>Entries of the accepted changes not yet written; null when there are none (no list kept per idle firm).</summary>
    private List<AuditEntry>? _unwritten;
    /// <summary>
    /// Whether a change not yet written wants its county told. An import's changes do not: the import hands every
    /// firm's report to each county in one batch, so the board moves once per import.
    /// </summary>
    private bool _publish;
    /// <summary>The county whose roster is known to list this firm (its stored county always is); a field, not a set:
    /// after a move back, enrolling again is harmless, and a set per firm costs ~150 B at 100k firms.</summary>
    private string? _enrolled;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _durable = _latest = state.State.Current;
        if (state.State.History is { } unpacked)
        {
            // A state written before the trail was packed: the same entries, packed; the next write stores them so.
            state.State.Recent = PackedAudit.Append(state.State.Recent, unpacked);
            state.State.History = null;
        }
        _durableRecent = state.State.Recent;
        _durableHistory = PackedAudit.Count(_durableRecent);
        if (_durable is null) return Task.CompletedTask;
        _enrolled = _durable.CountyId;
        // Re-announce on activation: if a report was lost with a crashed silo's buffer, the county hears it again.
        buffer.Enqueue(ContributionCalculator.Report(_durable, _calendar));
        return Task.CompletedTask;
    }

    public Task<Enterprise?> Get() => Task.FromResult(_durable);

    public Task<EnterpriseReport?> GetReport() =>
        Task.FromResult(_durable is null ? null : ContributionCalculator.Report(_durable, _calendar));

    public Task<IReadOnlyList<AuditEntry>> GetRecentHistory() => Task.FromResult<IReadOnlyList<AuditEntry>>(Recent());

    private List<AuditEntry> Recent()
    {
        var newestFirst = PackedAudit.Read(_durableRecent);
        newestFirst.Reverse();
        return newestFirst;
    }

    public async Task<IReadOnlyList<AuditEntry>> GetHistory()
    {
        var newestFirst = Recent();
        var pages = state.State.ArchivedPages;
        if (pages == 0) return newestFirst;
        var archived = await Task.WhenAll(Enumerable.Range(0, pages).Select(p => Archive(p).Get()));
        for (var p = pages - 1; p >= 0; p--)
            for (var i = archived[p].Length - 1; i >= 0; i--) newestFirst.Add(archived[p][i]);
        return newestFirst;
    }

    /// <summary>Recent entries kept in the firm's own state; beyond this, the oldest full page moves to the archive.</summary>
    private const int RecentLimit = 32;
    private const int PageSize = 16;

    private IAuditArchiveGrain Archive(int page) => GrainFactory.GetGrain<IAuditArchiveGrain>($"{this.GetPrimaryKeyString()}/{page}");

    /// <summary>
    /// Moves the oldest full pages out of the state before a write that would pass <see cref="RecentLimit"/>: the page is
    /// stored first, then dropped from the state, so every entry is always durable somewhere. Returns the trail as it was
    /// and how many pages moved, so a failed write can put them back.
    /// </summary>
    private async Task<(byte[] Trail, int Pages)> ArchiveOldest(int adding)
    {
        var before = (Trail: _durableRecent, Pages: 0);
        while (_durableHistory + adding > RecentLimit && _durableHistory >= PageSize)
        {
            var entries = PackedAudit.Read(_durableRecent);
            await Archive(state.State.ArchivedPages).Store(entries.GetRange(0, PageSize).ToArray());
            _durableRecent = state.State.Recent = PackedAudit.Append([], entries.GetRange(PageSize, entries.Count - PageSize));
            state.State.ArchivedPages++;
            _durableHistory -= PageSize;
            before.Pages++;
        }
        return before;
    }

    public Task<CommandResult> Upsert(UpsertEnterprise command, ChangeContext context)
    {
        if (context.CountyScope is { } scope && ((_latest is not null && _latest.CountyId != scope) || (command.CountyId is not null && command.CountyId != scope)))
            return Task.FromResult(Forbidden());
        if (Stale(context) is { } conflict) return Task.FromResult(conflict);
        var outcome = EnterpriseRules.Upsert(this.GetPrimaryKeyString(), _latest, command, _calendar);
        return Commit(outcome, context, "upsert-enterprise", created: _latest is null);
    }

    public Task<CommandResult> AddProject(AddProject command, ChangeContext context) =>
        Existing(context, "add-project", e => EnterpriseRules.AddProject(e, command));

    public Task<CommandResult> ReportProgress(ReportProgress command, ChangeContext context) =>
        Existing(context, "report-progress", e => EnterpriseRules.ReportProgress(e, command, _calendar), command.ProjectId);

    public Task<CommandResult> SetProjectStatus(SetProjectStatus command, ChangeContext context) =>
        Existing(context, "set-project-status", e => EnterpriseRules.SetProjectStatus(e, command), command.ProjectId);

    public Task<CommandResult> SetMilestone(SetMilestone command, ChangeContext context) =>
        Existing(context, command.Milestone == Milestone.Cloud ? "set-cloud" : "set-digital", e => EnterpriseRules.SetMilestone(e, command, _calendar));

    public Task<CommandResult> AddCertification(AddCertification command, ChangeContext context) =>
        Existing(context, "add-certification", e => EnterpriseRules.AddCertification(e, command, _calendar));

    public Task<CommandResult> RecordGrant(RecordGrant command, ChangeContext context) =>
        Existing(context, "record-grant", e => EnterpriseRules.RecordGrant(e, command));

    public Task<CommandResult> ReviewProjectEntry(ReviewProjectEntry command, ChangeContext context) =>
        Existing(context, "review-project-entry", e => EnterpriseRules.ReviewEntry(e, command, city: context.CountyScope is null), command.ProjectId);

    public Task<CommandResult> ExitProject(ExitProject command, ChangeContext context) =>
        Existing(context, "exit-project", e => EnterpriseRules.Exit(e, command), command.ProjectId);

    /// <summary>Key projects are the city's to name: a county agent is refused.</summary>
    public Task<CommandResult> SetKeyProject(SetKeyProject command, ChangeContext context) =>
        context.CountyScope is not null
            ? Task.FromResult(Forbidden())
            : Existing(context, "set-key-project", e => EnterpriseRules.SetKey(e, command), command.ProjectId);

    public async Task<Programme.Imports.MonthlyReportResult> ApplyMonthlyReport(IReadOnlyList<ReportProgress> rows, ChangeContext context)
    {
        var result = await Existing(context, "import-monthly-report", e => EnterpriseRules.ReportMonths(e, rows, _calendar), publish: false);
        var report = _durable is null ? null : ContributionCalculator.Report(_durable, _calendar);
        return new Programme.Imports.MonthlyReportResult(result, report);
    }

    public async Task<bool> Seed(Enterprise enterprise)
    {
        if (_latest is not null) return false;
        var seeded = enterprise with { Id = this.GetPrimaryKeyString(), Version = Math.Max(1, enterprise.Version) };
        _latest = seeded;
        _publish = true;
        (_unwritten ??= []).Add(new AuditEntry
        {
            Version = seeded.Version, At = seeded.UpdatedAt, Actor = "system", Via = "seed", Action = "seed", EnterpriseId = seeded.Id,
        });
        await Durable(seeded.Version);
        return true;
    }

    private Task<CommandResult> Existing(ChangeContext context, string action, Func<Enterprise, EnterpriseRules.Outcome> rule,
        string? projectId = null, bool publish = true)
    {
        if (_latest is null || (projectId is not null && !HasProject(_latest, projectId)))
            return Task.FromResult(new CommandResult { Outcome = CommandOutcome.NotFound, Version = _latest?.Version ?? 0 });
        if (context.CountyScope is { } scope && _latest.CountyId != scope) return Task.FromResult(Forbidden());
        if (Stale(context) is { } conflict) return Task.FromResult(conflict);
        return Commit(rule(_latest), context, action, created: false, publish);
    }

    private static bool HasProject(Enterprise e, string projectId)
    {
        foreach (var p in e.Projects)
            if (p.Id == projectId) return true;
        return false;
    }

    private CommandResult Forbidden() => new() { Outcome = CommandOutcome.Forbidden, Version = _latest?.Version ?? 0 };

    private CommandResult? Stale(ChangeContext context)
    {
        var version = _latest?.Version ?? 0;
        return context.ExpectedVersion is { } expected && expected != version
            ? new CommandResult { Outcome = CommandOutcome.VersionConflict, Version = version }
            : null;
    }

    /// <summary>
    /// Runs without awaiting until the change is accepted into <see cref="_latest"/>, so validation and acceptance are one
    /// step even though the grain is reentrant; only then does the caller wait for durability.
    /// </summary>
    private async Task<CommandResult> Commit(EnterpriseRules.Outcome outcome, ChangeContext context, string action, bool created, bool publish = true)
    {
        var before = _latest;
        var version = before?.Version ?? 0;
        if (outcome.Errors is { Any: true } errors) return CommandResult.Invalid(version, errors.ToDictionary());
        if (outcome.Next is null)
        {
            // "Already so" is only true once what makes it so is durable.
            await Durable(version);
            return new CommandResult { Outcome = CommandOutcome.Unchanged, Version = version };
        }

        var now = clock.GetUtcNow();
        var next = outcome.Next with { Version = version + 1, UpdatedAt = now };
        _latest = next;
        _publish |= publish;
        (_unwritten ??= []).Add(new AuditEntry
        {
            Version = next.Version, At = now, Actor = context.Actor, Via = context.Via, Source = context.Source,
            Action = action, Changes = EnterpriseDiff.Between(before, next), EnterpriseId = next.Id,
        });
        await Durable(next.Version);
        return new CommandResult { Outcome = CommandOutcome.Accepted, Version = next.Version, CreatedId = outcome.CreatedId, Created = created };
    }

    /// <summary>Completes once a write holding <paramref name="version"/> is durable; throws if that write failed.</summary>
    private Task Durable(long version)
    {
        if (version <= (_durable?.Version ?? 0)) return Task.CompletedTask;
        var done = _writes.WaitFor(version);
        if (_writes.StartWriting()) _ = WriteLoop();
        return done;
    }

    private async Task WriteLoop()
    {
        try
        {
            while (_latest is { } target && target.Version > (_durable?.Version ?? 0))
            {
                IReadOnlyList<AuditEntry> entries = _unwritten ?? [];
                _unwritten = null;
                var publish = _publish || target.CountyId != _durable?.CountyId;
                _publish = false;
                (byte[] Trail, int Pages) moved = ([], 0);
                try
                {
                    if (_durableHistory + entries.Count > RecentLimit && _durableHistory >= PageSize) moved = await ArchiveOldest(entries.Count);
                    if (_enrolled != target.CountyId)
                    {
                        // On the roster before the state that names the county is durable: the county can always find it.
                        await GrainFactory.GetGrain<ICountyRosterGrain>(target.CountyId).Enrol([target.Id]);
                        _enrolled = target.CountyId;
                    }
                    state.State.Current = target;
                    state.State.Recent = PackedAudit.Append(_durableRecent, entries);
                    await state.WriteStateAsync();
                }
                catch (Exception ex)
                {
                    if (moved.Pages > 0)
                    {
                        // The pages stay stored (storing them again is harmless); the state goes back to what storage holds.
                        _durableRecent = moved.Trail;
                        state.State.ArchivedPages -= moved.Pages;
                        _durableHistory += moved.Pages * PageSize;
                    }
                    Abandon(ex);
                    return;
                }
                var before = _durable;
                _durable = target;
                _durableRecent = state.State.Recent;
                _durableHistory += entries.Count;
                if (publish) Publish(before, target);
                _writes.Reached(target.Version);
            }
        }
        finally
        {
            _writes.StoppedWriting();
        }
    }

    /// <summary>
    /// A failed write acknowledges nothing: every change not yet durable is dropped (later ones were validated on top of
    /// it) and each waiting caller gets the error. Whether storage kept the write is unknown, so the grain deactivates
    /// and its next activation reads what storage really holds.
    /// </summary>
    private void Abandon(Exception ex)
    {
        logger.LogWarning(ex, "Writing enterprise {Id} failed; {Count} change(s) not acknowledged", this.GetPrimaryKeyString(), (_latest?.Version ?? 0) - (_durable?.Version ?? 0));
        state.State.Current = _durable;
        state.State.Recent = _durableRecent;
        _latest = _durable;
        _unwritten = null;
        _publish = false;
        _writes.FailAll(ex);
        DeactivateOnIdle();
    }

    private void Publish(Enterprise? before, Enterprise after)
    {
        if (before is not null && before.CountyId != after.CountyId)
        {
            // Moving county: withdraw from the old one at the new version, so a late report there cannot resurrect it.
            buffer.Enqueue(new EnterpriseReport(after.Id, before.CountyId, after.Version, null, Contribution.Zero));
        }
        buffer.Enqueue(ContributionCalculator.Report(after, _calendar));
    }
}
