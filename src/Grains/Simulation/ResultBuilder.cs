using Programme.Domain;
using Programme.Simulation;

namespace Programme.Grains.Simulation;

/// <summary>
/// Turns the engine's integer levels into results: per-month means with 5–95 % bands over the runs, the probability of
/// full coverage (city and counties), funding batches, outcomes, and each policy against the no-subsidy twin.
/// Means are exact decimal divisions of integer sums, percentiles are nearest-rank: the same levels give the same text.
/// </summary>
public static class ResultBuilder
{
    public static ScenarioResults Build(ScenarioEngine e)
    {
        var arms = Enumerable.Range(0, e.Arms.Length).Select(a => Arm(e, a, e.TwinOf[a])).ToArray();
        var main = arms[0];
        return new ScenarioResults
        {
            Months = main.Months, ProbabilityFullCoverage = main.ProbabilityFullCoverage, JudgedAt = JudgedAt(e).Month.ToString(),
            Counties = main.Counties, Batches = main.Batches, Outcomes = main.Outcomes, Comparison = main.Comparison, Arms = arms,
            Runs = e.Definition.Runs, Enterprises = e.Enterprises, World = WorldKey.Text(e.World),
        };
    }

    private static (int Level, YearMonth Month) JudgedAt(ScenarioEngine e)
    {
        var d = e.Definition;
        if (e.MonthsDone == 0) return (0, d.StartMonth.AddMonths(-1));
        var index = Math.Clamp(d.StartMonth.MonthsUntil(d.Deadline), 0, e.MonthsDone - 1);
        return (index + 1, d.StartMonth.AddMonths(index));
    }

    private static ArmResults Arm(ScenarioEngine e, int arm, int? twin)
    {
        var d = e.Definition;
        var runs = d.Runs;
        var months = new MonthResult[e.MonthsDone];
        for (var i = 0; i < e.MonthsDone; i++)
        {
            var level = i + 1;
            long[] Values(int metric) => Enumerable.Range(0, runs).Select(r => e.City(arm, r, level, metric)).ToArray();
            var above = Values(Metric.AboveScale);
            var covered = Values(Metric.Covered);
            var coverage = Enumerable.Range(0, runs).Select(r => Ratio(covered[r], above[r])).ToArray();
            var projects = Values(Metric.Projects);
            var completed = Values(Metric.InvestmentCompleted);
            var total = Values(Metric.TotalInvestment);
            var grants = Values(Metric.GrantsAwarded);
            months[i] = new MonthResult
            {
                Month = d.StartMonth.AddMonths(i).ToString(),
                AboveScale = Count(Mean(above)), Covered = Count(Mean(covered)), Coverage = Share(Mean(coverage)),
                Projects = Count(Mean(projects)), InvestmentCompleted = Money(Mean(completed)), GrantsAwarded = Money(Mean(grants)),
                TotalInvestment = Money(Mean(total)), BelowScaleProjects = Count(Mean(Values(Metric.BelowScaleProjects))),
                Revived = Count(Mean(Values(Metric.Revived))), Certifications = Count(Mean(Values(Metric.Certifications))),
                Bands = new MonthBands(Band(coverage, Share), Band(covered, Count), Band(projects, Count), Band(completed, Money),
                    Band(total, Money), Band(grants, Money)),
            };
        }
        var (judged, _) = JudgedAt(e);
        var full = Enumerable.Range(0, runs).Count(r => e.City(arm, r, judged, Metric.Covered) == e.City(arm, r, judged, Metric.AboveScale));
        return new ArmResults
        {
            Name = e.ArmNames[arm], Policy = e.Arms[arm], Months = months,
            ProbabilityFullCoverage = Share((decimal)full / runs),
            Counties = Counties(e, arm, judged), Batches = Batches(e, arm), Outcomes = Outcomes(e, arm),
            Comparison = twin is { } t ? Compare(e, arm, t, judged) : null, Twin = twin is { } tw ? e.ArmNames[tw] : null,
        };
    }

    private static CountyOutlook[] Counties(ScenarioEngine e, int arm, int judged)
    {
        var runs = e.Definition.Runs;
        return CountyCatalogue.All.Select((county, c) =>
        {
            var coverage = new decimal[e.MonthsDone];
            var p5 = new decimal[e.MonthsDone];
            var p95 = new decimal[e.MonthsDone];
            for (var i = 0; i < e.MonthsDone; i++)
            {
                var values = Enumerable.Range(0, runs)
                    .Select(r => Ratio(e.County(arm, r, i + 1, c, Metric.Covered), e.County(arm, r, i + 1, c, Metric.AboveScale))).ToArray();
                coverage[i] = Share(Mean(values));
                var band = Band(values, Share);
                p5[i] = band.P5;
                p95[i] = band.P95;
            }
            var full = Enumerable.Range(0, runs)
                .Count(r => e.County(arm, r, judged, c, Metric.Covered) == e.County(arm, r, judged, c, Metric.AboveScale));
            var atDeadline = Enumerable.Range(0, runs)
                .Select(r => Ratio(e.County(arm, r, judged, c, Metric.Covered), e.County(arm, r, judged, c, Metric.AboveScale))).ToArray();
            return new CountyOutlook
            {
                Id = county.Id, Name = county.NameZh, NameEn = county.NameEn, AboveScale = (int)e.County(arm, 0, 0, c, Metric.AboveScale),
                ProbabilityFullCoverage = Share((decimal)full / runs), CoverageAtDeadline = Share(Mean(atDeadline)),
                Coverage = coverage, CoverageP5 = p5, CoverageP95 = p95,
            };
        }).ToArray();
    }

    private static ScenarioBatch[] Batches(ScenarioEngine e, int arm)
    {
        var d = e.Definition;
        var rules = new ArmRules(e.Arms[arm], d.Behaviour);
        var list = new List<ScenarioBatch>();
        var perYear = new Dictionary<int, int>();
        for (var i = 0; i < e.MonthsDone; i++)
        {
            var call = d.StartMonth.AddMonths(i);
            if (!rules.IsCall(call.Ordinal)) continue;
            var n = perYear[call.Year] = perYear.GetValueOrDefault(call.Year) + 1;
            var award = i + ReviewStages.AwardAfter;
            var complete = award < e.MonthsDone;
            decimal Diff(int index, int metric) => index < e.MonthsDone ? MeanDiff(e, arm, index, metric) : 0m;
            var stages = new Dictionary<string, decimal>();
            // Each stage is decided in its own month after the call (ReviewStages.MonthAfterCall), and counted there.
            for (var s = 0; s < ReviewStages.Count; s++) stages[ReviewStages.Names[s]] = Count(Diff(i + ReviewStages.MonthAfterCall[s], Metric.StagePassed + s));
            var subsidyApps = Diff(i, Metric.SubsidyApplications);
            var rewardApps = Diff(i, Metric.RewardApplications);
            var subsidyAwards = Diff(award, Metric.SubsidyAwards);
            var rewardAwards = Diff(award, Metric.RewardAwards);
            var subsidyAmount = Diff(award, Metric.SubsidyAwarded);
            var rewardAmount = Diff(award, Metric.RewardAwarded);
            list.Add(new ScenarioBatch
            {
                Id = $"{call.Year}-{n}", CallMonth = call.ToString(), AwardMonth = call.AddMonths(ReviewStages.AwardAfter).ToString(),
                Applications = Count(subsidyApps + rewardApps),
                Requested = Money(Diff(i, Metric.SubsidyRequested) + Diff(i, Metric.RewardRequested)),
                Awarded = Count(subsidyAwards + rewardAwards), AwardedAmount = Money(subsidyAmount + rewardAmount),
                SubsidyApplications = Count(subsidyApps), SubsidyAwarded = Count(subsidyAwards), SubsidyAmount = Money(subsidyAmount),
                RewardApplications = Count(rewardApps), RewardAwarded = Count(rewardAwards), RewardAmount = Money(rewardAmount),
                Stages = stages, Complete = complete,
            });
        }
        return [.. list];
    }

    /// <summary>Mean over runs of a level's change in month <paramref name="index"/>.</summary>
    private static decimal MeanDiff(ScenarioEngine e, int arm, int index, int metric)
    {
        long sum = 0;
        for (var r = 0; r < e.Definition.Runs; r++) sum += e.City(arm, r, index + 1, metric) - e.City(arm, r, index, metric);
        return (decimal)sum / e.Definition.Runs;
    }

    /// <summary>Mean over runs of what changed from the start to the last simulated month.</summary>
    private static decimal MeanGain(ScenarioEngine e, int arm, int metric)
    {
        long sum = 0;
        for (var r = 0; r < e.Definition.Runs; r++) sum += e.City(arm, r, e.MonthsDone, metric) - e.City(arm, r, 0, metric);
        return (decimal)sum / e.Definition.Runs;
    }

    private static OutcomeSummary Outcomes(ScenarioEngine e, int arm)
    {
        var completed = MeanGain(e, arm, Metric.CompletedProjects);
        decimal Average(int metric) => completed == 0 ? 0 : Share(MeanGain(e, arm, metric) / completed / 10_000m);
        return new OutcomeSummary
        {
            CompletedProjects = Count(completed), ProductivityGain = Average(Metric.ProductivityBp), EmissionsCut = Average(Metric.EmissionsBp),
            CostCut = Average(Metric.CostBp), NewCertifications = Count(MeanGain(e, arm, Metric.Certifications)),
            GreenCertifications = Count(MeanGain(e, arm, Metric.GreenCertifications)), SmartCertifications = Count(MeanGain(e, arm, Metric.SmartCertifications)),
            Revived = Count(MeanGain(e, arm, Metric.Revived)), Digital = Count(MeanGain(e, arm, Metric.Digital)), Cloud = Count(MeanGain(e, arm, Metric.Cloud)),
        };
    }

    private static Comparison Compare(ScenarioEngine e, int arm, int twin, int judged)
    {
        var runs = e.Definition.Runs;
        var last = e.MonthsDone;
        long[] Delta(int metric) => Enumerable.Range(0, runs).Select(r => e.City(arm, r, last, metric) - e.City(twin, r, last, metric)).ToArray();
        long[] Gain(int metric) => Enumerable.Range(0, runs).Select(r => e.City(arm, r, last, metric) - e.City(arm, r, 0, metric)).ToArray();
        var projects = Delta(Metric.Projects);
        var investment = Delta(Metric.TotalInvestment);
        var completed = Delta(Metric.InvestmentCompleted);
        var covered = Delta(Metric.Covered);
        var grantsRun = Gain(Metric.GrantsAwarded);
        var fundedRun = Gain(Metric.FundedInvestment);
        var grants = Mean(grantsRun);
        var funded = Mean(fundedRun);
        var extraCovered = Mean(covered);
        var twinFull = Enumerable.Range(0, runs).Count(r => e.City(twin, r, judged, Metric.Covered) == e.City(twin, r, judged, Metric.AboveScale));
        var leverage = Enumerable.Range(0, runs).Where(r => grantsRun[r] > 0).Select(r => (decimal)(fundedRun[r] - grantsRun[r]) / grantsRun[r]).ToArray();
        var cost = Enumerable.Range(0, runs).Where(r => covered[r] > 0 && grantsRun[r] > 0).Select(r => (decimal)grantsRun[r] / covered[r]).ToArray();
        return new Comparison
        {
            AdditionalProjects = Count(Mean(projects)), AdditionalInvestment = Money(Mean(investment)),
            AdditionalInvestmentCompleted = Money(Mean(completed)), AdditionalCovered = Count(extraCovered), Grants = Money(grants),
            LeverageRatio = grants > 0 ? Ratio2((funded - grants) / grants) : null,
            AdditionalInvestmentPerYuan = grants > 0 ? Ratio2(Mean(completed) / grants) : null,
            CostPerNewlyCoveredFirm = extraCovered > 0 && grants > 0 ? Money(grants / extraCovered) : null,
            AdditionalProjectsBand = Band(projects, Count), AdditionalInvestmentBand = Band(investment, Money), AdditionalCoveredBand = Band(covered, Count),
            ProbabilityFullCoverageTwin = Share((decimal)twinFull / runs),
            AdditionalInvestmentCompletedBand = Band(completed, Money),
            LeverageRatioBand = leverage.Length > 0 ? Band(leverage, Ratio2) : null,
            CostPerNewlyCoveredFirmBand = cost.Length > 0 ? Band(cost, Money) : null,
            FundedInvestment = Money(funded),
            AdditionalShareOfFunded = funded > 0 ? Share(Mean(completed) / funded) : null,
        };
    }

    private static decimal Ratio(long part, long whole) => whole == 0 ? 0m : (decimal)part / whole;
    private static decimal Mean(long[] values) => values.Length == 0 ? 0 : (decimal)values.Sum() / values.Length;
    private static decimal Mean(decimal[] values) => values.Length == 0 ? 0 : values.Sum() / values.Length;

    private static Band Band(long[] values, Func<decimal, decimal> round) => Band(values.Select(v => (decimal)v).ToArray(), round);

    private static Band Band(decimal[] values, Func<decimal, decimal> round)
    {
        if (values.Length == 0) return new Band(0, 0);
        var sorted = values.OrderBy(v => v).ToArray();
        decimal At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Band(round(At(0.05)), round(At(0.95)));
    }

    private static decimal Count(decimal v) => Math.Round(v, 2);
    private static decimal Money(decimal v) => Math.Round(v, 0);
    private static decimal Share(decimal v) => Math.Round(v, 4);
    private static decimal Ratio2(decimal v) => Math.Round(v, 2);
}
