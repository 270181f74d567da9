using Programme.Commands;
using Programme.Grants;

namespace Programme.Grains;

/// <summary>
/// One funding batch (资金申报批次), keyed by its id (e.g. "2022-1"): the call, the budget, every application with its
/// review stage and history, awards and disbursements. It is the one place a batch's budget is decided, so concurrent
/// approvals are serialised here and can never commit more than the cap. A rejected command changes nothing.
/// </summary>
public interface IFundingBatchGrain : IGrainWithStringKey
{
    Task<BatchResult> Create(CreateBatch command, ChangeContext context);

    /// <summary>Loads the batch from a dataset, only if this id holds nothing yet (idempotent).</summary>
    Task<bool> Seed(BatchSeed seed);

    /// <summary>The board, or null if the batch was never created.</summary>
    [AlwaysInterleave]
    Task<BatchBoard?> GetBoard();

    [AlwaysInterleave]
    Task<GrantApplication?> GetApplication(int applicationId);

    /// <summary>Null if the batch was never created.</summary>
    [AlwaysInterleave]
    Task<ApplicationPage?> ListApplications(ApplicationFilter filter);

    Task<BatchResult> Apply(ApplyForGrant command, ChangeContext context);
    Task<BatchResult> Decide(DecideApplication command, ChangeContext context);
    Task<BatchResult> Resubmit(ResubmitApplication command, ChangeContext context);
    Task<BatchResult> Object(RaiseObjection command, ChangeContext context);
    Task<BatchResult> PublishNotice(PublishNotice command, ChangeContext context);
    Task<BatchResult> Award(AwardApplications command, ChangeContext context);
    Task<BatchResult> Disburse(Disburse command, ChangeContext context);

    /// <summary>Sets the cap (null: uncapped). It may not fall below what is committed; raising it funds the waiting list in rank order.</summary>
    Task<BatchResult> SetBudget(decimal? budget, ChangeContext context);

    /// <summary>The board's version (cheap: what the forecast service polls). Odd once the forecast of the batch as it stands is in.</summary>
    [AlwaysInterleave]
    Task<long> GetVersion();

    /// <summary>What the forecast reads (null if the batch was never created).</summary>
    [AlwaysInterleave]
    Task<BatchPipeline?> GetPipeline();

    /// <summary>The forecast service's result (called only by it): kept in memory and pushed with the board.</summary>
    Task SetForecast(BatchForecast forecast);

    /// <summary>Stops taking new applications (截止申报); returned ones may still be resubmitted.</summary>
    Task<BatchResult> CloseApplications(ChangeContext context);
}
