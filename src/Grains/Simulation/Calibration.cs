using Programme.Domain;
using Programme.Simulation;

namespace Programme.Grains.Simulation;

/// <summary>
/// The calibration check: default parameters, the baseline registry as it stood at 2019-12, simulated 2020-01 … 2022-08,
/// against the seed's position at 2022-08 (DOMAIN.md): coverage within ±3 points, projects, total and completed
/// investment within ±10 %. Further lines (the 2022 batch, below-scale firms) are shown for judgement, not tolerance.
/// </summary>
public static class Calibration
{
    public static readonly YearMonth Start = new(2020, 1);
    public static readonly YearMonth End = new(2022, 8);

    public sealed record Line(string Figure, decimal Seed, decimal Model, Band Band, decimal Deviation, string Tolerance, bool? Within);

    /// <summary>Where the registry stood at the end of 2019-12: what the simulation starts from.</summary>
    public sealed record Start2019(long AboveScale, long Covered, long Projects, long TotalInvestment, long InvestmentCompleted);

    public sealed record Report(int Runs, long Seed, IReadOnlyList<Line> Lines, TimeSpan Elapsed, Start2019 Starting)
    {
        public bool WithinTolerance => Lines.All(l => l.Within != false);
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
        var lines = new List<Line>
        {
            Relative("coverage", 426m / 463m, last.Coverage, last.Bands.Coverage, absolute: 0.03m),
            Relative("projects", 686, last.Projects, last.Bands.Projects, 0.10m),
            Relative("total investment (yuan)", 67_000_000_000m, last.TotalInvestment, last.Bands.TotalInvestment, 0.10m),
            Relative("completed investment (yuan)", 35_800_000_000m, last.InvestmentCompleted, last.Bands.InvestmentCompleted, 0.10m),
            Info("covered firms", 426, last.Covered, last.Bands.Covered),
            Info("below-scale projects", 219, last.BelowScaleProjects, new Band(0, 0)),
            Info("firms revived", 32, last.Revived, new Band(0, 0)),
        };
        if (batch is not null)
        {
            lines.Add(Info("batch 2022-1: subsidy applications", 38, batch.SubsidyApplications, new Band(0, 0)));
            lines.Add(Info("batch 2022-1: reward applications", 16, batch.RewardApplications, new Band(0, 0)));
            lines.Add(Info("batch 2022-1: awards", 44, batch.Awarded, new Band(0, 0)));
            lines.Add(Info("batch 2022-1: awarded (yuan)", 85_465_700m, batch.AwardedAmount, new Band(0, 0)));
        }
        var starting = new Start2019(engine.City(0, 0, 0, Metric.AboveScale), engine.City(0, 0, 0, Metric.Covered),
            engine.City(0, 0, 0, Metric.Projects), engine.City(0, 0, 0, Metric.TotalInvestment), engine.City(0, 0, 0, Metric.InvestmentCompleted));
        return new Report(runs, seed, lines, clock.Elapsed, starting);
    }

    private static Line Relative(string figure, decimal seed, decimal model, Band band, decimal relative = 0, decimal absolute = 0)
    {
        if (absolute > 0)
        {
            var d = model - seed;
            return new Line(figure, seed, model, band, d, $"±{absolute * 100:0} points", Math.Abs(d) <= absolute);
        }
        var rel = (model - seed) / seed;
        return new Line(figure, seed, model, band, rel, $"±{relative * 100:0} %", Math.Abs(rel) <= relative);
    }

    private static Line Info(string figure, decimal seed, decimal model, Band band) =>
        new(figure, seed, model, band, seed == 0 ? 0 : (model - seed) / seed, "(shown)", null);

    /// <summary>The side-by-side table the calibration command prints.</summary>
    public static string Format(Report report)
    {
        var w = new System.Text.StringBuilder();
        w.AppendLine($"Calibration: sanmenxia-2022 registry at 2019-12, simulated {Start}…{End}, {report.Runs} runs, seed {report.Seed}, default policy");
        var s = report.Starting;
        w.AppendLine($"Start (registry at 2019-12): {s.AboveScale} above-scale firms, {s.Covered} covered, {s.Projects} projects, " +
            $"{Fmt(s.TotalInvestment)} total, {Fmt(s.InvestmentCompleted)} completed");
        w.AppendLine($"{"figure",-36} {"seed",16} {"model (mean)",16} {"model 5–95 %",31} {"deviation",10}  tolerance");
        foreach (var l in report.Lines)
        {
            var band = l.Band.P5 == 0 && l.Band.P95 == 0 ? "" : $"{Fmt(l.Band.P5)} – {Fmt(l.Band.P95)}";
            var dev = l.Tolerance.Contains("points") ? $"{l.Deviation * 100:+0.0;-0.0} pt" : $"{l.Deviation * 100:+0.0;-0.0} %";
            var verdict = l.Within switch { true => "ok", false => "OUT", null => "" };
            w.AppendLine($"{l.Figure,-36} {Fmt(l.Seed),16} {Fmt(l.Model),16} {band,31} {dev,10}  {l.Tolerance} {verdict}");
        }
        w.AppendLine(report.WithinTolerance ? "within tolerance" : "OUTSIDE tolerance");
        return w.ToString();
    }

    private static string Fmt(decimal v) => v switch
    {
        < 1m and > -1m => $"{v:0.0000}",
        _ when Math.Abs(v) >= 1_000_000m => $"{v / 100_000_000m:0.00} 亿",
        _ => $"{v:0.##}",
    };
}
