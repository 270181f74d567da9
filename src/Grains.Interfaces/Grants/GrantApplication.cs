using Programme.Domain;

namespace Programme.Grants;

/// <summary>
/// One application (项目申报) in a funding batch: a project of a firm, its class, what it declared at submission, where it is
/// in the pipeline, what is committed, awarded and paid, and its append-only history.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record GrantApplication
{
    /// <summary>申报编号: 1, 2, … within the batch.</summary>
    [Id(0)] public int Id { get; init; }
    [Id(1)] public required string EnterpriseId { get; init; }
    [Id(2)] public required string EnterpriseName { get; init; }
    [Id(3)] public required string CountyId { get; init; }
    [Id(4)] public required string ProjectId { get; init; }
    [Id(5)] public required string ProjectName { get; init; }
    [Id(6)] public ProjectKind ProjectKind { get; init; }
    [Id(7)] public GrantClass Class { get; init; }
    [Id(8)] public RewardResult? Result { get; init; }
    /// <summary>The project's total investment when (re)submitted (总投资), yuan.</summary>
    [Id(9)] public decimal TotalInvestment { get; init; }
    /// <summary>Investment the project completed in the batch's window when (re)submitted (区间完成投资), yuan.</summary>
    [Id(10)] public decimal CompletedInWindow { get; init; }
    /// <summary>What the class rules give (申请金额), yuan.</summary>
    [Id(11)] public decimal Requested { get; init; }
    /// <summary>The amount the reviews stand at now (审定金额): the requested amount, lowered by reviewers where they decided so.</summary>
    [Id(12)] public decimal Amount { get; init; }
    [Id(13)] public ReviewStage Stage { get; init; }
    [Id(14)] public ApplicationStatus Status { get; init; }
    /// <summary>The panel's score, which ranks the waiting list.</summary>
    [Id(15)] public decimal? Score { get; init; }
    /// <summary>Money is committed against the budget for it (recommended and funded).</summary>
    [Id(16)] public bool Funded { get; init; }
    /// <summary>When the panel recommended it: breaks ties in rank.</summary>
    [Id(17)] public DateTimeOffset? RecommendedAt { get; init; }
    /// <summary>On the public notice: when its objection window closes (null until published).</summary>
    [Id(18)] public DateTimeOffset? NoticeUntil { get; init; }
    [Id(19)] public decimal Awarded { get; init; }
    [Id(20)] public decimal Disbursed { get; init; }
    [Id(21)] public YearMonth? AwardedMonth { get; init; }
    [Id(22)] public DateTimeOffset AppliedAt { get; init; }
    [Id(23)] public DateTimeOffset UpdatedAt { get; init; }
    [Id(24)] public ReviewEntry[] History { get; init; } = [];

    /// <summary>Final: declined, or paid in full.</summary>
    public bool Closed => Status is ApplicationStatus.Declined or ApplicationStatus.Disbursed;

    /// <summary>Awarded, whether or not paid yet.</summary>
    public bool IsAwarded => Status is ApplicationStatus.Awarded or ApplicationStatus.Disbursed;
}
