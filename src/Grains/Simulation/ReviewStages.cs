using Programme.Grants;

namespace Programme.Grains.Simulation;

/// <summary>
/// The review pipeline of a funding batch as the grants issue models it (<see cref="ReviewStage"/>, notice
/// 三工信〔2022〕37号): county check and joint recommendation, equipment verification, expert re-check, expert panel,
/// third-party special audit, public notice; then the award. Months after the call each stage is decided in: 2022 batch 1
/// was called on 25 April and awarded in August, so the notice falls three months after the call and the award four.
/// </summary>
public static class ReviewStages
{
    public static readonly ReviewStage[] Stages =
    [
        ReviewStage.CountyCheck, ReviewStage.CountyRecommendation, ReviewStage.EquipmentVerification, ReviewStage.ExpertRecheck,
        ReviewStage.ExpertPanel, ReviewStage.SpecialAudit, ReviewStage.PublicNotice,
    ];

    public static readonly int Count = Stages.Length;

    /// <summary>Months from the call to each stage's decision.</summary>
    public static readonly int[] MonthAfterCall = [1, 1, 2, 2, 3, 3, 3];

    public static readonly string[] Names =
        ["county-check", "county-recommendation", "equipment-verification", "expert-recheck", "expert-panel", "special-audit", "public-notice"];

    /// <summary>Months from the call to the public notice, and to the award.</summary>
    public const int NoticeAfter = 3, AwardAfter = 4;
}
