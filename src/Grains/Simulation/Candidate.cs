using Programme.Domain;
using Programme.Simulation;

namespace Programme.Grains.Simulation;

/// <summary>
/// The project a firm weighs in a month — kind, size and duration drawn from its own stream — before it decides whether to
/// start it. Every arm draws the same candidate (common random numbers); only the decision depends on the grant it can expect.
/// </summary>
public readonly record struct Candidate(byte Kind, long Total, int Months)
{
    public static Candidate Draw(ulong firmKey, int ordinal, int sector, bool above, BehaviourParameters b)
    {
        var weights = BehaviourModel.KindWeights(Sectors.All[sector].Id);
        var roll = SimRandom.Uniform(firmKey, ordinal, Purpose.Kind) * (weights[0] + weights[1] + weights[2]);
        var kind = roll < weights[0] ? 0 : roll < weights[0] + weights[1] ? 1 : 2;
        var mean = (above ? BehaviourModel.MeanInvestment[kind] : BehaviourModel.BelowScaleMeanInvestment) * b.SizeFactor;
        var sigma = b.InvestmentSigma;
        var size = mean * Math.Exp(sigma * SimRandom.Normal(firmKey, ordinal, Purpose.Size) - sigma * sigma / 2);
        var total = Math.Max(BehaviourModel.MinimumInvestment, (long)Math.Round(size / BehaviourModel.InvestmentUnit) * BehaviourModel.InvestmentUnit);
        var (min, max) = above ? BehaviourModel.Duration[kind] : BehaviourModel.BelowScaleDuration;
        min = Math.Max(1, (int)Math.Round(min * b.DurationFactor));
        max = Math.Max(min, (int)Math.Round(max * b.DurationFactor));
        var months = min + (int)(SimRandom.Uniform(firmKey, ordinal, Purpose.Duration) * (max - min + 1));
        return new Candidate((byte)kind, total, months);
    }

    /// <summary>A new project's cumulative investment by the end of month <paramref name="ordinal"/>: the S-curve 3x² − 2x³, whole yuan.</summary>
    public static long Cumulative(long total, int start, int end, int ordinal)
    {
        if (ordinal < start) return 0;
        if (ordinal >= end) return total;
        var x = (double)(ordinal - start + 1) / (end - start + 1);
        return (long)(total * (x * x * (3 - 2 * x)));
    }
}
