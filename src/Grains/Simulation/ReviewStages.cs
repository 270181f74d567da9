namespace Programme.Grains.Simulation;

/// <summary>
/// The review pipeline of a funding batch (2022 batch 1, notice 三工信〔2022〕37号), one stage a month from the call:
/// county on-site check and joint recommendation, equipment verification, expert on-site re-check, expert panel
/// review, third-party special audit, public notice; the award is paid the month after the notice.
/// </summary>
public static class ReviewStages
{
    public const int Count = 6;

    public static readonly string[] Names =
        ["county-recommendation", "equipment-verification", "expert-recheck", "panel-review", "special-audit", "public-notice"];

    /// <summary>Months from the call to the public notice, and to the award.</summary>
    public const int NoticeAfter = Count - 1, AwardAfter = Count;
}
