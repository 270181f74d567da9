using Programme.Domain;

namespace Programme.Grains.Simulation;

/// <summary>
/// Every parameter of the firms' behaviour, with its source (docs/SIMULATION.md explains each). "Seed" means a figure of
/// DOMAIN.md used as a mean; "calibrated" means chosen so that 2020-01 … 2022-08 reproduces the seed's position;
/// "assumed" means the seed is silent and the value is a documented judgement.
/// </summary>
public static class BehaviourModel
{
    // --- starting projects (monthly propensity under the observed policy) -------------------------------------------
    /// <summary>Calibrated: an active above-scale firm with no project starts its first in a month with this chance.</summary>
    public const double FirstProject = 0.062;
    /// <summary>Calibrated: a covered above-scale firm starts a further project in a month with this chance.</summary>
    public const double FurtherProject = 0.023;
    /// <summary>Calibrated: below-scale participants (176 firms, 219 projects by 2022-08).</summary>
    public const double BelowScaleFirstProject = 0.12, BelowScaleFurtherProject = 0.008;

    /// <summary>Assumed: halted and semi-halted firms start far less often (the 37 not yet started include 9 idle firms).</summary>
    public static double StatusFactor(OperatingStatus s) => s switch
    {
        OperatingStatus.Halted => 0.4,
        OperatingStatus.SemiHalted => 0.7,
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
    /// Assumed: how strongly the grant on offer raises propensity: × (1 + GrantResponse × expected grant share), relative
    /// to the observed policy (35 % × 32/38 pass rate). With it the no-subsidy twin starts about a quarter fewer new projects.
    /// </summary>
    public const double GrantResponse = 1.7;

    /// <summary>The observed policy's expected grant share (the calibration's reference point): 35 % × 32/38.</summary>
    public static readonly double ObservedOffer = 0.35 * 32.0 / 38.0;

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

    /// <summary>Assumed: spread of a project's size (log-normal σ).</summary>
    public const double InvestmentSigma = 0.8;

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

    // --- grants -----------------------------------------------------------------------------------------------------
    /// <summary>Calibrated on 2022 batch 1 (38 subsidy-class applications): chance a project with investment in the window applies.</summary>
    public const double ApplySubsidy = 0.07;
    /// <summary>Calibrated on 2022 batch 1 (7 of its 16 reward-class applications): chance an intelligent project completed since the last call applies for the machine-replaces-labour reward.</summary>
    public const double ApplyReward = 0.2;
    /// <summary>Calibrated on 2022 batch 1 (9 of its 16 reward-class applications): chance a firm certified since the last call applies for that reward.</summary>
    public const double ApplyCertificationReward = 0.5;

    // --- completion -------------------------------------------------------------------------------------------------
    /// <summary>
    /// Assumed, anchored on the 2022 targets (10 smart factories/workshops, 5 green factories a year): chance a completed
    /// project lifts its firm one rung of the ladder (none → city → provincial → national), by current rung.
    /// </summary>
    public static readonly double[] SmartStep = [0.22, 0.12, 0.04];
    public static readonly double[] GreenStep = [0.10, 0.08, 0.04];
    /// <summary>Technical projects lift the smart ladder less often than intelligent ones.</summary>
    public const double TechnicalSmartFactor = 0.2;

    /// <summary>Assumed: a halted or semi-halted firm whose project gets underway restarts (32 firms revived through transformation).</summary>
    public const double Revive = 0.8;

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
