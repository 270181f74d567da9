using Microsoft.Extensions.Options;
using Programme.Aggregation;
using Programme.Commands;
using Programme.Domain;
using Programme.Grains.Counties;

namespace Programme.Grains.Enterprises;

/// <summary>
/// One enterprise. Commands are validated by <see cref="EnterpriseRules"/>; an accepted change is persisted, the version
/// bumped, and the firm's new standing dropped into this silo's <see cref="IReportBufferGrain"/> for its county.
/// </summary>
public sealed class EnterpriseGrain(
    [PersistentState("enterprise", StorageNames.Programme)] IPersistentState<EnterpriseState> state,
    IOptions<ProgrammeOptions> options,
    ReportBuffer buffer,
    TimeProvider clock) : Grain, IEnterpriseGrain
{
    private readonly ProgrammeCalendar _calendar = options.Value.Calendar;

    private Enterprise? Current => state.State.Current;

    public Task<Enterprise?> Get() => Task.FromResult(Current);

    public Task<EnterpriseReport?> GetReport() =>
        Task.FromResult(Current is null ? null : ContributionCalculator.Report(Current, _calendar));

    public Task<CommandResult> Upsert(UpsertEnterprise command, ChangeContext context)
    {
        if (context.CountyScope is { } scope && ((Current is not null && Current.CountyId != scope) || (command.CountyId is not null && command.CountyId != scope)))
            return Task.FromResult(Forbidden());
        if (Stale(context) is { } conflict) return Task.FromResult(conflict);
        var outcome = EnterpriseRules.Upsert(this.GetPrimaryKeyString(), Current, command);
        return Commit(outcome, context, "upsert-enterprise", created: Current is null);
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

    public async Task<Programme.Imports.MonthlyReportResult> ApplyMonthlyReport(IReadOnlyList<ReportProgress> rows, ChangeContext context)
    {
        var result = await Existing(context, "import-monthly-report", e => EnterpriseRules.ReportMonths(e, rows, _calendar), publish: false);
        var report = Current is null ? null : ContributionCalculator.Report(Current, _calendar);
        return new Programme.Imports.MonthlyReportResult(result, report);
    }

    public Task<IReadOnlyList<AuditEntry>> GetHistory()
    {
        var history = state.State.History;
        var newestFirst = new AuditEntry[history.Count];
        for (var i = 0; i < history.Count; i++) newestFirst[i] = history[history.Count - 1 - i];
        return Task.FromResult<IReadOnlyList<AuditEntry>>(newestFirst);
    }

    public async Task<bool> Seed(Enterprise enterprise)
    {
        if (Current is not null) return false;
        var seeded = enterprise with { Id = this.GetPrimaryKeyString(), Version = Math.Max(1, enterprise.Version) };
        state.State.Current = seeded;
        state.State.History = [new AuditEntry
        {
            Version = seeded.Version, At = seeded.UpdatedAt, Actor = "system", Via = "seed", Action = "seed", EnterpriseId = seeded.Id,
        }];
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.Current = null;
            state.State.History = [];
            throw;
        }
        Publish(null, seeded);
        return true;
    }

    private Task<CommandResult> Existing(ChangeContext context, string action, Func<Enterprise, EnterpriseRules.Outcome> rule,
        string? projectId = null, bool publish = true)
    {
        if (Current is null || (projectId is not null && Current.Projects.All(p => p.Id != projectId)))
            return Task.FromResult(new CommandResult { Outcome = CommandOutcome.NotFound, Version = Current?.Version ?? 0 });
        if (context.CountyScope is { } scope && Current.CountyId != scope) return Task.FromResult(Forbidden());
        if (Stale(context) is { } conflict) return Task.FromResult(conflict);
        return Commit(rule(Current), context, action, created: false, publish);
    }

    private CommandResult Forbidden() => new() { Outcome = CommandOutcome.Forbidden, Version = Current?.Version ?? 0 };

    private CommandResult? Stale(ChangeContext context)
    {
        var version = Current?.Version ?? 0;
        return context.ExpectedVersion is { } expected && expected != version
            ? new CommandResult { Outcome = CommandOutcome.VersionConflict, Version = version }
            : null;
    }

    private async Task<CommandResult> Commit(EnterpriseRules.Outcome outcome, ChangeContext context, string action, bool created, bool publish = true)
    {
        var before = Current;
        var version = before?.Version ?? 0;
        if (outcome.Errors is { Any: true } errors) return CommandResult.Invalid(version, errors.ToDictionary());
        if (outcome.Next is null) return new CommandResult { Outcome = CommandOutcome.Unchanged, Version = version };

        var now = clock.GetUtcNow();
        var next = outcome.Next with { Version = version + 1, UpdatedAt = now };
        var entry = new AuditEntry
        {
            Version = next.Version, At = now, Actor = context.Actor, Via = context.Via, Source = context.Source,
            Action = action, Changes = EnterpriseDiff.Between(before, next), EnterpriseId = next.Id,
        };
        state.State.Current = next;
        state.State.History.Add(entry);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not durable, so not acknowledged: the grain keeps what storage holds.
            state.State.Current = before;
            state.State.History.RemoveAt(state.State.History.Count - 1);
            throw;
        }
        if (publish) Publish(before, next);
        return new CommandResult { Outcome = CommandOutcome.Accepted, Version = next.Version, CreatedId = outcome.CreatedId, Created = created };
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

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Re-announce on activation: if a report was lost with a crashed silo's buffer, the county hears it again.
        if (Current is not null) buffer.Enqueue(ContributionCalculator.Report(Current, _calendar));
        return Task.CompletedTask;
    }
}
