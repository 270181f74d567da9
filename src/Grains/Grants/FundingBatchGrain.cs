using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Programme.Commands;
using Programme.Domain;
using Programme.Grains.Enterprises;
using Programme.Grants;
using Programme.Push;

using Programme.Grains.Boards;

namespace Programme.Grains.Grants;

/// <summary>
/// One funding batch. Applications live inside it rather than in grains of their own: the budget is one number that every
/// recommendation draws on, so the batch is where approvals must be serialised — a single-threaded grain turn checks the
/// remaining money and commits it in one step, and 100 concurrent approvals cannot over-commit a cap. The rules are in
/// <see cref="Pipeline"/>; this grain persists what they return, records awards against the firms (an outbox retried
/// until each firm confirms), and pushes its board while it changes.
/// </summary>
public sealed class FundingBatchGrain(
    [PersistentState("funding-batch", StorageNames.Programme)] IPersistentState<FundingBatchState> state,
    IOptions<ProgrammeOptions> options,
    TimeProvider clock,
    ILogger<FundingBatchGrain> logger) : Grain, IFundingBatchGrain, IIncomingGrainCallFilter
{
    /// <summary>How many keyed requests a batch remembers (oldest forgotten first): far more than the retries of its payments.</summary>
    public const int RememberedRequests = 1_000;
    private KeyedRequest? _keyed;
    private static readonly TimeSpan RetryGrantsAfter = TimeSpan.FromSeconds(5);
    private readonly TimeSpan _interval = options.Value.FlushInterval;
    private WhileChanging? _pushes;
    private IGrainTimer? _retryTimer;
    private BatchForecast? _forecast;

    private FundingBatch? Current => state.State.Current;
    private string BatchId => this.GetPrimaryKeyString();
    private long Version => Current?.Version ?? 0;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Current is null) return;
        // Finish what a crash may have interrupted: the catalogue entry and any award the firm has not confirmed.
        await Register(Current);
        if (Current.GrantsToRecord.Length > 0) ScheduleGrantRetry();
    }

    public Task<BatchBoard?> GetBoard() => Task.FromResult(Current is null ? null : Board(Current));

    public Task<long> GetVersion() => Task.FromResult(Current is null ? 0 : BoardVersion(Current));

    public Task<BatchPipeline?> GetPipeline() => Task.FromResult(Current is not { } b ? null : new BatchPipeline
    {
        Id = b.Id, Version = b.Version, CreatedAt = b.CreatedAt, Call = b.Call, Status = BatchBoardBuilder.Status(b), Applications = b.Applications,
    });

    public Task SetForecast(BatchForecast forecast)
    {
        if (Current is null || forecast.ForVersion > Current.Version || (_forecast is { } had && had.ForVersion > forecast.ForVersion))
            return Task.CompletedTask;
        _forecast = forecast;
        MarkDirty();
        return Task.CompletedTask;
    }

    /// <summary>
    /// The board with its forecast. Its version is twice the batch's stored version, plus one once the forecast of the
    /// batch as it stands has arrived: a forecast landing after a change is a newer snapshot, and a change always newer
    /// still. The forecast is shown only while the batch is open or under review.
    /// </summary>
    private BatchBoard Board(FundingBatch b)
    {
        var board = BatchBoardBuilder.Build(b, clock.GetUtcNow());
        var open = board.Status is BatchStatus.Open or BatchStatus.Reviewing;
        return board with { Version = BoardVersion(b), Forecast = open ? _forecast : null };
    }

    private long BoardVersion(FundingBatch b) => b.Version * 2 + (_forecast?.ForVersion == b.Version ? 1 : 0);

    public Task<GrantApplication?> GetApplication(int applicationId) => Task.FromResult(Current?.Find(applicationId));

    public Task<ApplicationPage?> ListApplications(ApplicationFilter filter)
    {
        if (Current is null) return Task.FromResult<ApplicationPage?>(null);
        var matches = Current.Applications.Where(a =>
            (filter.Stage is null || (a.Stage == filter.Stage && a.Status is ApplicationStatus.Pending or ApplicationStatus.Awarded or ApplicationStatus.Waiting)) &&
            (filter.CountyId is null || a.CountyId == filter.CountyId) &&
            (filter.Class is null || a.Class == filter.Class) &&
            (filter.Status is null || a.Status == filter.Status) &&
            (filter.EnterpriseId is null || a.EnterpriseId == filter.EnterpriseId) &&
            (!filter.NoticeList || OnNoticeList(a))).ToList();
        IReadOnlyList<GrantApplication> page = [.. matches.Skip(filter.Skip).Take(filter.Take)];
        return Task.FromResult<ApplicationPage?>(new ApplicationPage(matches.Count, page));
    }

    /// <summary>公示名单: published on the notice and neither declined nor sent back since.</summary>
    private static bool OnNoticeList(GrantApplication a) =>
        a.IsAwarded || (a.Stage >= ReviewStage.PublicNotice && a.Status == ApplicationStatus.Pending && a.NoticeUntil is not null);

    public async Task<BatchResult> Create(CreateBatch command, ChangeContext context)
    {
        if (Current is not null) return BatchResult.Conflict(Version, "id", $"batch '{BatchId}' already exists");
        var step = Pipeline.Create(BatchId, command, context, clock.GetUtcNow());
        var result = await Commit(step);
        if (result.Outcome == BatchOutcome.Accepted) await Register(Current!);
        return result;
    }

    public async Task<bool> Seed(BatchSeed seed)
    {
        if (Current is not null) return false;
        var apps = seed.Applications.OrderBy(a => a.Id).ToArray();
        for (var i = 0; i < apps.Length; i++)
            if (apps[i].Id != i + 1) throw new ArgumentException("a seeded batch's applications must be numbered 1, 2, … without gaps");
        var batch = new FundingBatch
        {
            Id = BatchId, Call = seed.Call, Accepting = seed.AcceptingApplications, Applications = apps, Version = 1,
            CreatedAt = seed.CreatedAt, UpdatedAt = apps.Select(a => a.UpdatedAt).DefaultIfEmpty(seed.CreatedAt).Max(),
        };
        await Commit(new Pipeline.Step(batch, null));
        await Register(batch);
        return true;
    }

    public async Task<BatchResult> Apply(ApplyForGrant command, ChangeContext context)
    {
        if (Current is null) return Missing();
        var firm = command.EnterpriseId is { } id && EnterpriseRules.IsValidId(id)
            ? await GrainFactory.GetGrain<IEnterpriseGrain>(id).Get()
            : null;
        return await Commit(Pipeline.Apply(Current, command, firm, context, clock.GetUtcNow()));
    }

    public Task<BatchResult> Decide(DecideApplication command, ChangeContext context) =>
        Current is null ? Task.FromResult(Missing()) : Commit(Pipeline.Decide(Current, command, context, clock.GetUtcNow()));

    public async Task<BatchResult> Resubmit(ResubmitApplication command, ChangeContext context)
    {
        if (Current is null) return Missing();
        var app = Current.Find(command.ApplicationId);
        var firm = app is null ? null : await GrainFactory.GetGrain<IEnterpriseGrain>(app.EnterpriseId).Get();
        return await Commit(Pipeline.Resubmit(Current, command, firm, context, clock.GetUtcNow()));
    }

    public Task<BatchResult> Object(RaiseObjection command, ChangeContext context) =>
        Current is null ? Task.FromResult(Missing()) : Commit(Pipeline.Object(Current, command, context, clock.GetUtcNow()));

    public Task<BatchResult> PublishNotice(PublishNotice command, ChangeContext context) =>
        Current is null ? Task.FromResult(Missing()) : Commit(Pipeline.Publish(Current, command, context, clock.GetUtcNow()));

    public Task<BatchResult> Award(AwardApplications command, ChangeContext context) =>
        Current is null ? Task.FromResult(Missing()) : Commit(Pipeline.Award(Current, command, context, clock.GetUtcNow()));

    public Task<BatchResult> Disburse(Disburse command, ChangeContext context) =>
        Current is null ? Task.FromResult(Missing()) : Commit(Pipeline.Disburse(Current, command, context, clock.GetUtcNow()));

    public Task<BatchResult> SetBudget(decimal? budget, ChangeContext context) =>
        Current is null ? Task.FromResult(Missing()) : Commit(Pipeline.SetBudget(Current, budget, context, clock.GetUtcNow()));

    public Task<BatchResult> CloseApplications(ChangeContext context) =>
        Current is null ? Task.FromResult(Missing()) : Commit(Pipeline.Close(Current, context, clock.GetUtcNow()));

    private BatchResult Missing() => BatchResult.NotFound(0, $"No funding batch '{BatchId}'.");

    /// <summary>
    /// Idempotency for every command that carries a key (ChangeContext.RequestKey): a key seen before answers with its first
    /// result and runs nothing — with a different request behind it, a conflict. A new key is recorded by <see cref="Commit"/>
    /// in the same write as the change, so the record exists exactly when the change does.
    /// </summary>
    public async Task Invoke(IIncomingGrainCallContext call)
    {
        ChangeContext? context = null;
        for (var i = 0; i < call.Request.GetArgumentCount(); i++)
            if (call.Request.GetArgument(i) is ChangeContext c) context = c;
        if (context?.RequestKey is not { Length: > 0 } key)
        {
            await call.Invoke();
            return;
        }
        var scoped = $"{context.Actor}\n{key}";
        var hash = context.RequestHash ?? "";
        if (Array.Find(state.State.Requests, r => r.Key == scoped) is { } seen)
        {
            call.Result = seen.Hash == hash
                ? seen.Result with { Replayed = true }
                : BatchResult.Conflict(Version, "Idempotency-Key", $"the key '{key}' was already used for a different request; nothing was changed (send a new key for a new request)");
            return;
        }
        _keyed = new KeyedRequest(scoped, hash, new BatchResult());
        try
        {
            await call.Invoke();
        }
        finally
        {
            _keyed = null;
        }
    }

    private async Task<BatchResult> Commit(Pipeline.Step step)
    {
        if (step.Failure is { } failure) return failure;
        var result = new BatchResult
        {
            Outcome = BatchOutcome.Accepted, Version = step.Next!.Version, ApplicationId = step.ApplicationId, Affected = step.Affected ?? [],
        };
        var before = Current;
        var requestsBefore = state.State.Requests;
        state.State.Current = step.Next;
        if (_keyed is { } keyed)
            state.State.Requests = [.. requestsBefore.Skip(Math.Max(0, requestsBefore.Length + 1 - RememberedRequests)), keyed with { Result = result }];
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not durable, so not acknowledged: the grain keeps what storage holds.
            state.State.Current = before;
            state.State.Requests = requestsBefore;
            throw;
        }
        _keyed = null;
        MarkDirty();
        if (step.Next.GrantsToRecord.Length > 0) await RecordGrants();
        return result;
    }

    /// <summary>
    /// Tells each firm about its award or payment. RecordGrant is idempotent per batch and project and carries the whole
    /// grant, so a retry after a crash, or out of order, leaves the firm right.
    /// </summary>
    private async Task RecordGrants()
    {
        var batch = Current!;
        var context = new ChangeContext($"batch:{BatchId}", "grants");
        var calls = batch.GrantsToRecord.Select(id => batch.Find(id)).OfType<GrantApplication>().Select(async a =>
        {
            try
            {
                var grant = new RecordGrant(BatchId, a.ProjectId, a.Class, a.Awarded, a.Disbursed, a.AwardedMonth ?? new YearMonth(a.UpdatedAt.Year, a.UpdatedAt.Month));
                var result = await GrainFactory.GetGrain<IEnterpriseGrain>(a.EnterpriseId).RecordGrant(grant, context);
                if (!result.Succeeded)
                    logger.LogWarning("Firm {Firm} refused the grant of batch {Batch} application {Id}: {Outcome}", a.EnterpriseId, BatchId, a.Id, result.Outcome);
                return a.Id;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Could not record the grant of batch {Batch} application {Id} with firm {Firm}; will retry", BatchId, a.Id, a.EnterpriseId);
                return 0;
            }
        });
        var done = (await Task.WhenAll(calls)).Where(id => id > 0).ToHashSet();
        var left = batch.GrantsToRecord.Where(id => !done.Contains(id) && batch.Find(id) is not null).ToArray();
        if (left.Length != batch.GrantsToRecord.Length)
        {
            state.State.Current = batch with { GrantsToRecord = left };
            try
            {
                await state.WriteStateAsync();
            }
            catch (Exception ex)
            {
                // Harmless: the outbox on disk is a superset, and recording a grant again changes nothing.
                logger.LogWarning(ex, "Could not persist batch {Batch}'s outbox", BatchId);
            }
        }
        if (left.Length > 0) ScheduleGrantRetry();
    }

    private void ScheduleGrantRetry()
    {
        _retryTimer?.Dispose();
        _retryTimer = this.RegisterGrainTimer(async _ =>
        {
            _retryTimer?.Dispose();
            _retryTimer = null;
            if (Current is { GrantsToRecord.Length: > 0 }) await RecordGrants();
        }, new GrainTimerCreationOptions(RetryGrantsAfter, Timeout.InfiniteTimeSpan) { Interleave = false });
    }

    private async Task Register(FundingBatch batch)
    {
        try
        {
            await GrainFactory.GetGrain<IBatchCatalogueGrain>(GrainKeys.Batches).Register(new BatchListing(batch.Id, batch.Call.Name, batch.CreatedAt));
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not list batch {Batch} in the catalogue; it will try again when it next activates", batch.Id);
        }
    }

    private void MarkDirty() => (_pushes ??= new WhileChanging(this, _interval, PushBoard)).Changed();

    private async Task PushBoard(CancellationToken cancellationToken)
    {
        if (Current is null) return;
        var board = Board(Current);
        await GrainFactory.GetGrain<IBoardNotifierGrain>(0).Publish(new BoardUpdate(board.Scope, board.Version, board, clock.GetUtcNow()));
    }
}
