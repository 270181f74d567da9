using Programme.Simulation;

namespace Programme.Grains.Simulation;

/// <summary>
/// A policy turned into what the monthly loop needs, and the documented simplified award step (until the grants
/// issue's award rules land): a subsidy-class grant pays SubsidyRate × the investment the project completed since the
/// last call, at most ProjectCap; a reward-class grant pays RewardAmount; each of the six review stages is passed with
/// the same chance, so that all six together give the policy's pass rate; a capped fund scales one batch's awards pro
/// rata when they exceed what is left of the year's fund.
/// </summary>
public sealed class ArmRules
{
    public ArmRules(PolicySettings policy)
    {
        Policy = policy;
        SubsidyRate = policy.SubsidyRate;
        Cap = (long)policy.ProjectCap;
        Reward = (long)policy.RewardAmount;
        foreach (var m in policy.BatchMonths) CallMonths |= 1 << m;
        StagePass = [Math.Pow((double)policy.SubsidyPassRate, 1.0 / ReviewStages.Count), Math.Pow((double)policy.RewardPassRate, 1.0 / ReviewStages.Count)];
        Push = (double)policy.CountyPush;
        PushFrom = policy.CountyPushFrom.Ordinal;
        Capped = policy.FundCapped;
        FullOffer = (double)policy.SubsidyRate * (double)policy.SubsidyPassRate;
    }

    public PolicySettings Policy { get; }
    public decimal SubsidyRate { get; }
    public long Cap { get; }
    public long Reward { get; }
    public int CallMonths { get; }
    public double[] StagePass { get; }
    public double Push { get; }
    public int PushFrom { get; }
    public bool Capped { get; }
    /// <summary>Expected grant share of investment when the fund pays in full (rate × pass rate).</summary>
    public double FullOffer { get; }
    public bool HasBatches => CallMonths != 0;

    public bool IsCall(int ordinal) => (CallMonths & (1 << (ordinal % 12 + 1))) != 0;

    public long SubsidyFor(long investedSinceCall)
    {
        if (investedSinceCall <= 0 || SubsidyRate <= 0) return 0;
        var asked = (long)decimal.Floor(SubsidyRate * investedSinceCall);
        return Math.Min(asked, Cap);
    }

    /// <summary>A capped fund's award: floor(amount × numerator / denominator), exactly.</summary>
    public static long Scale(long amount, long numerator, long denominator) =>
        numerator >= denominator ? amount : (long)((Int128)amount * numerator / denominator);

    /// <summary>The monthly propensity multiplier for the grant on offer, relative to the observed policy.</summary>
    public static double Uplift(double offer) =>
        (1 + BehaviourModel.GrantResponse * offer) / (1 + BehaviourModel.GrantResponse * BehaviourModel.ObservedOffer);
}
