using Programme.Grains.Grants;
using Programme.Grants;
using Programme.Simulation;

namespace Programme.Grains.Simulation;

/// <summary>
/// A policy turned into what the monthly loop needs. Amounts come from the grants issue's <see cref="AwardRules"/>: a
/// subsidy-class grant is <c>AwardRules.Subsidy</c> of the investment the project completed since the last call (in whole
/// yuan: the simulation counts money in yuan), a reward-class grant is <c>AwardRules.Reward</c> for the result. What the
/// simulation adds: each review stage is passed with the same chance, so that all seven together give the policy's pass
/// rate, and a capped fund scales one batch's awards pro rata when they exceed what is left of the year's fund.
/// </summary>
public sealed class ArmRules
{
    public ArmRules(PolicySettings policy)
    {
        Policy = policy;
        SubsidyRate = policy.SubsidyRate;
        Cap = (long)policy.ProjectCap;
        _rule = new SubsidyRule(policy.SubsidyRate, policy.ProjectCap);
        _rewards = policy.Rewards.AsCallRewards();
        HasRewards = policy.Rewards.Any;
        foreach (var m in policy.BatchMonths) CallMonths |= 1 << m;
        StagePass = [Math.Pow((double)policy.SubsidyPassRate, 1.0 / ReviewStages.Count), Math.Pow((double)policy.RewardPassRate, 1.0 / ReviewStages.Count)];
        Push = (double)policy.CountyPush;
        PushFrom = policy.CountyPushFrom.Ordinal;
        Capped = policy.FundCapped;
        FullOffer = (double)policy.SubsidyRate * (double)policy.SubsidyPassRate;
    }

    private readonly SubsidyRule _rule;
    private readonly IReadOnlyList<RewardAmount> _rewards;

    public PolicySettings Policy { get; }
    public decimal SubsidyRate { get; }
    public long Cap { get; }
    public bool HasRewards { get; }
    public int CallMonths { get; }
    public double[] StagePass { get; }
    public double Push { get; }
    public int PushFrom { get; }
    public bool Capped { get; }
    /// <summary>Expected grant share of investment when the fund pays in full (rate × pass rate).</summary>
    public double FullOffer { get; }
    public bool HasBatches => CallMonths != 0;

    public bool IsCall(int ordinal) => (CallMonths & (1 << (ordinal % 12 + 1))) != 0;

    public long SubsidyFor(long investedSinceCall) =>
        investedSinceCall <= 0 || SubsidyRate <= 0 ? 0 : (long)decimal.Floor(AwardRules.Subsidy(_rule, investedSinceCall));

    public long RewardFor(RewardResult result) => (long)decimal.Floor(AwardRules.Reward(_rewards, result) ?? 0m);

    /// <summary>A capped fund's award: floor(amount × numerator / denominator), exactly.</summary>
    public static long Scale(long amount, long numerator, long denominator) =>
        numerator >= denominator ? amount : (long)((Int128)amount * numerator / denominator);

    /// <summary>The monthly propensity multiplier for the grant on offer, relative to the observed policy.</summary>
    public static double Uplift(double offer) =>
        (1 + BehaviourModel.GrantResponse * offer) / (1 + BehaviourModel.GrantResponse * BehaviourModel.ObservedOffer);
}
