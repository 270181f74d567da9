using Programme.Domain;
using Programme.Grains.Grants;
using Programme.Grants;
using Programme.Simulation;

namespace Programme.Grains.Simulation;

/// <summary>
/// A policy turned into what the monthly loop needs, and the one place that knows what a firm can get from it. Amounts
/// come from the grants issue's <see cref="AwardRules"/>: a subsidy-class grant is <c>AwardRules.Subsidy</c> of the
/// investment the project completed since the last call (in whole yuan), a reward-class grant is <c>AwardRules.Reward</c>
/// for the certification result, and machine-replaces-labour support is <c>AwardRules.MachineReplacesLabour</c>: the
/// policy's ratio × the project's eligible equipment investment (recorded, or the default data's assumed share), at most
/// the cap — the funding batch's own rule. <see cref="ExpectedShare"/> is what a candidate project can expect from the policy as a share of its
/// investment — through the calls that open while it runs, the windows, the rate and the cap, the reward for the result
/// it would earn and the chance of passing review — and so the only way a grant moves a firm's decision to start.
/// </summary>
public sealed class ArmRules
{
    public ArmRules(PolicySettings policy, BehaviourParameters? behaviour = null)
    {
        var b = behaviour ?? BehaviourParameters.Default;
        _b = b;
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
        SubsidyPass = (double)policy.SubsidyPassRate;
        RewardPass = (double)policy.RewardPassRate;
        _machine = policy.MachineReplacesLabour;
        MachineReplacesLabourRatio = policy.MachineReplacesLabourRatio;
        var subsidyBound = SubsidyRate > 0 ? SubsidyPass * (double)SubsidyRate : 0;
        // Equipment never exceeds the project's total, so the support is at most the ratio of it.
        var rewardBound = RewardPass * (double)MachineReplacesLabourRatio;
        MaxShare = HasBatches ? Math.Min(1.0, subsidyBound + rewardBound) : 0;
        _certification = new double[Enum.GetValues<RewardResult>().Length];
        var observed = new PolicySettings();
        foreach (var r in Enum.GetValues<RewardResult>())
        {
            var v = RewardValue(policy, r, b);
            var v0 = RewardValue(observed, r, b);
            _certification[(int)r] = (1 + b.CertificationResponse * v) / (1 + b.CertificationResponse * v0);
        }
    }

    private readonly BehaviourParameters _b;
    private readonly SubsidyRule _rule;
    private readonly SubsidyRule _machine;
    private readonly IReadOnlyList<RewardAmount> _rewards;
    private readonly double[] _certification;

    public PolicySettings Policy { get; }
    public decimal SubsidyRate { get; }
    public long Cap { get; }
    public bool HasRewards { get; }
    public int CallMonths { get; }
    public double[] StagePass { get; }
    public double Push { get; }
    public int PushFrom { get; }
    public bool Capped { get; }
    public double SubsidyPass { get; }
    public double RewardPass { get; }
    public decimal MachineReplacesLabourRatio { get; }
    /// <summary>No candidate can expect a larger share than this (0 when no call ever opens).</summary>
    public double MaxShare { get; }
    public bool HasBatches => CallMonths != 0;

    public bool IsCall(int ordinal) => (CallMonths & (1 << (ordinal % 12 + 1))) != 0;

    public long SubsidyFor(long investedSinceCall) =>
        investedSinceCall <= 0 || SubsidyRate <= 0 ? 0 : (long)decimal.Floor(AwardRules.Subsidy(_rule, investedSinceCall));

    public long RewardFor(RewardResult result) => (long)decimal.Floor(AwardRules.Reward(_rewards, result) ?? 0m);

    /// <summary>The eligible equipment investment of a project: what was recorded, else the default data's assumed share.</summary>
    public static long EquipmentOf(long total, long recorded) =>
        recorded > 0 ? Math.Min(total, recorded) : (long)Data.SanmenxiaBatch2022.Equipment(total);

    /// <summary>
    /// 机器换人: what an intelligent project of this total and recorded equipment investment gets, in whole yuan —
    /// <c>AwardRules.MachineReplacesLabour</c> under the policy's ratio and cap, exactly as a funding batch computes it.
    /// </summary>
    public long MachineReplacesLabourFor(long total, long recordedEquipment) =>
        MachineReplacesLabourRatio <= 0 || total <= 0 ? 0
            : (long)decimal.Floor(AwardRules.MachineReplacesLabour(_machine, EquipmentOf(total, recordedEquipment)));

    /// <summary>A capped fund's award: floor(amount × numerator / denominator), exactly.</summary>
    public static long Scale(long amount, long numerator, long denominator) =>
        numerator >= denominator ? amount : (long)((Int128)amount * numerator / denominator);

    /// <summary>
    /// What a candidate project starting in month <paramref name="start"/> can expect, as a share of its investment (at
    /// most 1): at every call while it runs (and the first after it ends) the subsidy on the window's investment under
    /// the rate and the cap, if the project will apply then (its own application draw: a firm knows whether it means to
    /// apply), times the pass rate; an intelligent project adds machine-replaces-labour support (the ratio × its eligible
    /// equipment investment) at the call after it completes, likewise. No call, no rate and no reward: 0. The fund's recent payout share is applied by the caller.
    /// </summary>
    public double ExpectedShare(Candidate c, int start, ulong projectKey)
    {
        if (MaxShare <= 0 || c.Total <= 0) return 0;
        var end = start + c.Months - 1;
        double expected = 0;
        long before = 0;
        for (var call = start; call <= end + 12; call++)
        {
            if (!IsCall(call)) continue;
            var upTo = Math.Min(call, end);
            var cumulative = Candidate.Cumulative(c.Total, start, end, upTo);
            var window = cumulative - before;
            before = cumulative;
            if (window > 0 && SubsidyRate > 0 && SimRandom.Uniform(projectKey, call, Purpose.ApplySubsidy) < _b.ApplySubsidy)
                expected += SubsidyPass * SubsidyFor(window);
            if (call < end) continue;
            if (c.Kind == (byte)ProjectKind.Intelligent && MachineReplacesLabourFor(c.Total, 0) is > 0 and var machine
                && SimRandom.Uniform(projectKey, call, Purpose.ApplyReward) < _b.ApplyReward)
                expected += RewardPass * machine;
            break;
        }
        return Math.Min(1.0, expected / c.Total);
    }

    /// <summary>
    /// How much more (or less) often a completed project earns <paramref name="result"/> than under the observed policy,
    /// because of the reward it would bring: (1 + response × v) / (1 + response × v observed), v = the expected reward in
    /// 百万 yuan (pass rate × chance to apply × amount). No call or no reward: the result is earned for its own sake only.
    /// </summary>
    public double CertificationFactor(RewardResult result) => _certification[(int)result];

    private static double RewardValue(PolicySettings policy, RewardResult result, BehaviourParameters b)
    {
        if (policy.BatchMonths.Length == 0) return 0;
        var amount = (double)(AwardRules.Reward(policy.Rewards.AsCallRewards(), result) ?? 0m);
        return (double)policy.RewardPassRate * b.ApplyCertificationReward * amount / BehaviourModel.RewardUnit;
    }
}
