using Programme.Domain;
using Programme.Simulation;

namespace Programme.Grains.Simulation;

/// <summary>
/// The calibration check: default parameters, the baseline registry as it stood at 2019-12, simulated 2020-01 … 2022-08,
/// against the seed (DOMAIN.md). Each figure is either <b>fitted</b> — a parameter was chosen to reproduce it (the line
/// names the parameter) — or <b>held out</b>: no parameter was tuned to it, so it tests the model. Fitted figures must
/// stay within their tolerance; held-out ones aim at ±10 % and are printed with their error either way.
/// </summary>
public static class Calibration
{
    public static readonly YearMonth Start = new(2020, 1);
    public static readonly YearMonth End = new(2022, 8);

    public const string Fitted = "fitted", HeldOut = "held out";

    public sealed record Line(string Figure, decimal Seed, decimal Model, Band Band, decimal Deviation, string Tolerance, bool? Within,
        string Role = Fitted, string Parameter = "");

    /// <summary>Where the registry stood at the end of 2019-12: what the simulation starts from.</summary>
    public sealed record Start2019(long AboveScale, long Covered, long Projects, long TotalInvestment, long InvestmentCompleted);

    public sealed record Report(int Runs, long Seed, IReadOnlyList<Line> Lines, TimeSpan Elapsed, Start2019 Starting)
    {
        /// <summary>Every fitted figure within its tolerance (held-out figures are reported, not enforced).</summary>
        public bool WithinTolerance => Lines.Where(l => l.Role == Fitted).All(l => l.Within != false);
        public IEnumerable<Line> HeldOutLines => Lines.Where(l => l.Role == HeldOut);
    }

    public static ScenarioDefinition Definition(int runs, long seed) => new()
    {
        Baseline = ScenarioDefinition.SanmenxiaBaseline, Seed = seed, StartMonth = Start, Months = Start.MonthsUntil(End) + 1,
        Runs = runs, Policy = new PolicySettings(),
    };

    public static async Task<Report> Run(int runs = 100, long seed = 2022)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var definition = Definition(runs, seed);
        var engine = new ScenarioEngine(definition, null, _ => new LocalShardRunner());
        await engine.Setup();
        await engine.AdvanceTo(definition.Months);
        var results = engine.Results();
        var last = results.Months[^1];
        var batch = results.Batches.FirstOrDefault(b => b.Id == "2022-1" && b.Complete);

        int Level(YearMonth m) => Start.MonthsUntil(m) + 1; // level index after month m
        var endLevel = Level(End);
        var dec2021 = Level(new YearMonth(2021, 12));
        long[] PerRun(Func<int, long> f) => Enumerable.Range(0, runs).Select(f).ToArray();
        long L(int r, int level, int metric) => engine.City(0, r, level, metric);
        var janAug2022 = PerRun(r => L(r, endLevel, Metric.InvestmentCompleted) - L(r, dec2021, Metric.InvestmentCompleted));
        var projects2022 = PerRun(r => L(r, endLevel, Metric.Projects) - L(r, dec2021, Metric.AboveScaleCompleted));
        // Grants to date (the reply's cumulative figure, read as including batch 2022-1: its 154 projects are the 110 funded
        // projects whose outcomes the reply reports plus batch 2022-1's 44): those the registry held at 2019-12 and those
        // simulated up to the 2022-1 award in 2022-08.
        var seeded = Populations.RegistryEnterprises.SelectMany(e => e.Grants).Where(g => g.AwardedMonth < Start).ToArray();
        var grantsToDate = PerRun(r => L(r, endLevel, Metric.GrantsAwarded));
        var awardsToDate = PerRun(r => seeded.Length + L(r, endLevel, Metric.SubsidyAwards) + L(r, endLevel, Metric.RewardAwards));

        var lines = new List<Line>
        {
            Relative("coverage", 426m / 463m, last.Coverage, last.Bands.Coverage, absolute: 0.03m, parameter: "firstProject, countyPush"),
            Relative("projects", 686, last.Projects, last.Bands.Projects, 0.10m, parameter: "furtherProject"),
            Relative("total investment (yuan)", 67_000_000_000m, last.TotalInvestment, last.Bands.TotalInvestment, 0.10m, parameter: "mean size by kind (seed: plans)"),
            Relative("completed investment (yuan)", 35_800_000_000m, last.InvestmentCompleted, last.Bands.InvestmentCompleted, 0.10m, parameter: "durationFactor"),
            Info("covered firms", 426, last.Covered, last.Bands.Covered, Fitted, "firstProject"),
            Info("below-scale projects", 219, last.BelowScaleProjects, new Band(0, 0), Fitted, "below-scale propensities"),
            Info("firms revived", 32, last.Revived, new Band(0, 0), Fitted, "revive"),
        };
        if (batch is not null)
        {
            var requested = MeanDiff(engine, runs, Level(new YearMonth(2022, 4)), Metric.SubsidyRequested);
            var rewardAsked = MeanDiff(engine, runs, Level(new YearMonth(2022, 4)), Metric.RewardRequested);
            lines.Add(Relative("batch 2022-1: subsidy asked (yuan)", 95_557_200m, requested, new Band(0, 0), 0.10m, parameter: "applySubsidy"));
            lines.Add(Relative("batch 2022-1: reward asked (yuan)", 5_100_000m, rewardAsked, new Band(0, 0), 0.25m, parameter: "applyReward, applyCertificationReward"));
        }
        lines.Add(Held("Jan–Aug 2022 completed investment (yuan)", 13_700_000_000m, janAug2022));
        lines.Add(Held("projects underway or completed in 2022", 231, projects2022));
        if (batch is not null)
        {
            lines.Add(Held("batch 2022-1: applications", 54, [], batch.Applications));
            lines.Add(Held("batch 2022-1: awards", 44, [], batch.Awarded));
            lines.Add(Info("batch 2022-1: awarded (yuan)", 85_465_700m, batch.AwardedAmount, new Band(0, 0), HeldOut, ""));
        }
        lines.Add(Held("grants to date, incl. batch 2022-1 (yuan)", 205_000_000m, grantsToDate));
        lines.Add(Held("grants to date, incl. batch 2022-1 (awards)", 154, awardsToDate));
        var starting = new Start2019(engine.City(0, 0, 0, Metric.AboveScale), engine.City(0, 0, 0, Metric.Covered),
            engine.City(0, 0, 0, Metric.Projects), engine.City(0, 0, 0, Metric.TotalInvestment), engine.City(0, 0, 0, Metric.InvestmentCompleted));
        return new Report(runs, seed, lines, clock.Elapsed, starting);
    }

    private static decimal MeanDiff(ScenarioEngine e, int runs, int level, int metric)
    {
        long sum = 0;
        for (var r = 0; r < runs; r++) sum += e.City(0, r, level, metric) - e.City(0, r, level - 1, metric);
        return (decimal)sum / runs;
    }

    private static Line Held(string figure, decimal seed, long[] perRun, decimal? mean = null)
    {
        var model = mean ?? (perRun.Length == 0 ? 0 : (decimal)perRun.Sum() / perRun.Length);
        var band = perRun.Length == 0 ? new Band(0, 0) : Percentiles(perRun);
        var rel = (model - seed) / seed;
        return new Line(figure, seed, Math.Round(model, 2), band, rel, "aim ±10 %", Math.Abs(rel) <= 0.10m, HeldOut);
    }

    private static Band Percentiles(long[] values)
    {
        var sorted = values.Order().ToArray();
        decimal At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Band(At(0.05), At(0.95));
    }

    private static Line Relative(string figure, decimal seed, decimal model, Band band, decimal relative = 0, decimal absolute = 0, string parameter = "")
    {
        if (absolute > 0)
        {
            var d = model - seed;
            return new Line(figure, seed, model, band, d, $"±{absolute * 100:0} points", Math.Abs(d) <= absolute, Fitted, parameter);
        }
        var rel = (model - seed) / seed;
        return new Line(figure, seed, model, band, rel, $"±{relative * 100:0} %", Math.Abs(rel) <= relative, Fitted, parameter);
    }

    private static Line Info(string figure, decimal seed, decimal model, Band band, string role, string parameter) =>
        new(figure, seed, model, band, seed == 0 ? 0 : (model - seed) / seed, "(shown)", null, role, parameter);

    /// <summary>The side-by-side table the calibration command prints: fitted figures first, then the held-out ones.</summary>
    public static string Format(Report report)
    {
        var w = new System.Text.StringBuilder();
        w.AppendLine($"Calibration: sanmenxia-2022 registry at 2019-12, simulated {Start}…{End}, {report.Runs} runs, seed {report.Seed}, default policy");
        var s = report.Starting;
        w.AppendLine($"Start (registry at 2019-12): {s.AboveScale} above-scale firms, {s.Covered} covered, {s.Projects} projects, " +
            $"{Fmt(s.TotalInvestment)} total, {Fmt(s.InvestmentCompleted)} completed");
        foreach (var role in new[] { Fitted, HeldOut })
        {
            w.AppendLine();
            w.AppendLine(role == Fitted ? "FITTED (a parameter was chosen to reproduce the figure)" : "HELD OUT (no parameter was tuned to the figure)");
            w.AppendLine($"{"figure",-44} {"seed",12} {"model (mean)",14} {"model 5–95 %",27} {"error",9}  {"tolerance",-12} {(role == Fitted ? "fitted by" : "")}");
            foreach (var l in report.Lines.Where(l => l.Role == role))
            {
                var band = l.Band.P5 == 0 && l.Band.P95 == 0 ? "" : $"{Fmt(l.Band.P5)} – {Fmt(l.Band.P95)}";
                var dev = l.Tolerance.Contains("points") ? $"{l.Deviation * 100:+0.0;-0.0} pt" : $"{l.Deviation * 100:+0.0;-0.0} %";
                var verdict = l.Within switch { true => "ok", false => role == Fitted ? "OUT" : "missed", null => "" };
                w.AppendLine($"{l.Figure,-44} {Fmt(l.Seed),12} {Fmt(l.Model),14} {band,27} {dev,9}  {(l.Tolerance + " " + verdict).Trim(),-12} {l.Parameter}");
            }
        }
        w.AppendLine();
        var held = report.HeldOutLines.Where(l => l.Within is not null).ToArray();
        w.AppendLine($"{(report.WithinTolerance ? "fitted figures within tolerance" : "fitted figures OUTSIDE tolerance")}; " +
            $"held out within ±10 %: {held.Count(l => l.Within == true)} of {held.Length}");
        return w.ToString();
    }

    private static string Fmt(decimal v) => v switch
    {
        < 1m and > -1m => $"{v:0.0000}",
        _ when Math.Abs(v) >= 1_000_000m => $"{v / 100_000_000m:0.00} 亿",
        _ => $"{v:0.##}",
    };
}
