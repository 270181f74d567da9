using Programme.Domain;
using Programme.Simulation;

namespace Programme.Grains.Simulation;

/// <summary>
/// Every parameter of the firms' behaviour, with its source (docs/SIMULATION.md explains each). "Seed" means a figure of
/// DOMAIN.md used as a mean; "calibrated" means chosen so that 2020-01 … 2022-08 reproduces the seed's position;
/// "assumed" means the seed is silent and the value is a documented judgement.
/// </summary>
public static class BehaviourModel
{
    /// <summary>The model's version: part of every analysis's cache key. Change it whenever the model's answers change.</summary>
    public const string Version = "m11r1";

    // --- starting projects (monthly propensity under the observed policy: BehaviourParameters) ----------------------
    /// <summary>Calibrated: below-scale participants (176 firms, 219 projects by 2022-08).</summary>
    public const double BelowScaleFirstProject = 0.12, BelowScaleFurtherProject = 0.008;

    /// <summary>Assumed: halted and semi-halted firms start far less often (the 37 not yet started include 9 idle firms).</summary>
    public static double StatusFactor(OperatingStatus s, double halted) => s switch
    {
        OperatingStatus.Halted => halted,
        OperatingStatus.SemiHalted => (1 + halted) / 2,
        _ => 1.0,
    };

    /// <summary>
    /// Assumed: energy- and emission-heavy industries are pushed harder (green transformation), consumer industries less.
    /// Indexed like <see cref="Sectors.All"/>.
    /// </summary>
    public static readonly double[] SectorFactor = Sectors.All.Select(s => s.Id switch
    {
        "aluminium" or "coal" or "chemicals" or "building-materials" or "energy" => 1.1,
        "food" or "other" => 0.85,
        _ => 1.0,
    }).ToArray();

    /// <summary>
    /// The observed policy's mean expected grant share of a candidate project (what the calibrated propensities already
    /// contain): the grant a firm could expect under the 2022 call, averaged over 20,000 candidate projects of the
    /// registry's above-scale firms drawn as the simulation draws them. A firm's propensity is the calibrated one ×
    /// (1 + GrantResponse × its candidate's expected share) / (1 + GrantResponse × this mean).
    /// </summary>
    public static double ReferenceShare(BehaviourParameters b) => References.GetOrAdd(b, ComputeReference);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<BehaviourParameters, double> References = new();

    private static double ComputeReference(BehaviourParameters b)
    {
        var rules = new ArmRules(new Programme.Simulation.PolicySettings(), b);
        var firms = Populations.RegistryEnterprises.Where(e => e.AboveScale).ToArray();
        var sectors = Sectors.All.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        const int n = 20_000;
        double sum = 0;
        for (var i = 0; i < n; i++)
        {
            var key = SimRandom.Combine(0x5EED_2022UL, (ulong)i);
            var ordinal = new YearMonth(2021, 1).Ordinal + i % 24;
            var sector = sectors.GetValueOrDefault(firms[i % firms.Length].Sector, sectors["other"]);
            var c = Candidate.Draw(key, ordinal, sector, above: true, b);
            sum += rules.ExpectedShare(c, ordinal, SimRandom.Combine(key, (ulong)ordinal));
        }
        return sum / n;
    }

    // --- what a project is -------------------------------------------------------------------------------------------
    /// <summary>Seed: 2022 planning mix, 42 intelligent / 41 green / 121 technical.</summary>
    public static readonly double[] KindMix = [42, 41, 121];

    /// <summary>Assumed tilt of the kind mix by sector: heavy industry more green, equipment and electronics more intelligent.</summary>
    public static double[] KindWeights(string sector) => sector switch
    {
        "aluminium" or "coal" or "chemicals" or "building-materials" or "energy" or "gold" => [42, 41 * 1.5, 121],
        "equipment" or "electronics" => [42 * 1.5, 41, 121],
        _ => KindMix,
    };

    /// <summary>
    /// Seed: mean total investment by kind, in yuan — the 2022 plan's per-kind means (28.6 亿 / 42, 48.4 亿 / 41,
    /// 263 亿 / 121) scaled to the three planning batches' mean (663.77 亿 / 583 = 1.14 亿 a project).
    /// </summary>
    public static readonly double[] MeanInvestment = ScaledMeans();

    /// <summary>Assumed from the data generator: below-scale projects of 200–3,200 万, mean 1,700 万.</summary>
    public const double BelowScaleMeanInvestment = 17_000_000;

    /// <summary>Smallest project (100 万), and projects are whole 万 like the registry.</summary>
    public const long MinimumInvestment = 1_000_000, InvestmentUnit = 10_000;

    /// <summary>
    /// Calibrated (anchored on the seed's 151.8 亿 planned for 2022 against ~340 亿 planned in total, i.e. roughly two
    /// years of spending for a large project): duration range in months by kind.
    /// </summary>
    public static readonly (int Min, int Max)[] Duration = [(12, 30), (18, 36), (24, 54)];
    public static readonly (int Min, int Max) BelowScaleDuration = (3, 17);

    // --- completion -------------------------------------------------------------------------------------------------
    /// <summary>
    /// Assumed, anchored on the 2022 targets (10 smart factories/workshops, 5 green factories a year): chance a completed
    /// project lifts its firm one rung of the ladder (none → city → provincial → national), by current rung.
    /// </summary>
    public static readonly double[] SmartStep = [0.22, 0.12, 0.04];
    public static readonly double[] GreenStep = [0.10, 0.08, 0.04];
    /// <summary>Technical projects lift the smart ladder less often than intelligent ones.</summary>
    public const double TechnicalSmartFactor = 0.2;

    /// <summary>A certification reward's response is measured in expected 百万 yuan (rewardPass × apply × amount / 1,000,000).</summary>
    public const double RewardUnit = 1_000_000;

    /// <summary>Assumed: completing an intelligent project brings digital transformation / cloud adoption with these chances.</summary>
    public const double Digital = 0.5, Cloud = 0.4;

    /// <summary>
    /// Seed (110 funded projects): productivity +35 % on average and up to +125 % (1.25 × U^2.571 has that mean and
    /// maximum), emissions −30 % and cost −20 % on average (uniform on 0–60 % and 0–40 %).
    /// </summary>
    public const double ProductivityMax = 1.25, ProductivityShape = 1.25 / 0.35 - 1, EmissionsMax = 0.60, CostMax = 0.40;

    private static double[] ScaledMeans()
    {
        double[] plan = [28.6e8 / 42, 48.4e8 / 41, 263e8 / 121];
        var planMean = (28.6e8 + 48.4e8 + 263e8) / 204;
        var programmeMean = 663.77e8 / 583;
        return plan.Select(m => m * programmeMean / planMean).ToArray();
    }
}
