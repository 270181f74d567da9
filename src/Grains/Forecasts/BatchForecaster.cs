using Programme.Domain;
using Programme.Grains.Simulation;
using Programme.Grants;
using Programme.Simulation;

namespace Programme.Grains.Forecasts;

/// <summary>
/// The grant-pipeline forecast of one funding batch, from the simulation's review model (<see cref="ArmRules.StagePass"/>:
/// each of the seven review stages passed with the class's pass rate to the 1/7th power; <see cref="ReviewStages"/>: the
/// month after the call each stage is decided in) and each application's current amount:
/// <list type="bullet">
/// <item>an application at review stage s is expected to bring pass^(7 − s) × its amount (a waiting one is at the audit;
/// one awaiting the award brings its amount; an award made is certain; a declined one brings nothing);</item>
/// <item>it is recommended, and its money committed, in the month of the expert panel — the call month plus the model's
/// offset, or, when the review runs late, this month plus the stages still ahead of the panel — and awarded likewise;</item>
/// <item>with a cap, the expected awards are laid against it in the order the batch funds them — awards and funded
/// recommendations first, then the waiting list as the batch ranks it (score, recommendation, number), then the
/// applications still ahead of the panel in the order they would be recommended (the month they reach it, the further
/// along first, then their number) — and the first that no longer fits marks the month
/// the budget runs out; it and everyone after it would wait (strict rank order, as the batch's own queue).</item>
/// </list>
/// </summary>
public static class BatchForecaster
{
    private static readonly int Panel = Array.IndexOf(ReviewStages.Stages, ReviewStage.ExpertPanel);

    public static BatchPassRates PassRates(ForecastOptions options)
    {
        var policy = new PolicySettings();
        return new BatchPassRates(options.SubsidyPassRate ?? policy.SubsidyPassRate, options.RewardPassRate ?? policy.RewardPassRate);
    }

    public static BatchForecast Build(BatchPipeline batch, BatchPassRates rates, DateTimeOffset now)
    {
        var rules = new ArmRules(new PolicySettings { SubsidyPassRate = rates.Subsidy, RewardPassRate = rates.Reward });
        var thisMonth = new YearMonth(now.Year, now.Month);
        var call = new YearMonth(batch.CreatedAt.Year, batch.CreatedAt.Month);
        ReviewStage[] stages = [.. ReviewStages.Stages, ReviewStage.Award, ReviewStage.Disbursement];
        var count = new int[stages.Length];
        var amount = new decimal[stages.Length];
        var expected = new decimal[stages.Length];
        var expectedAmount = new decimal[stages.Length];
        var committed = 0m;                 // expected awards of what already holds money: awards and funded recommendations
        var queue = new List<Queued>();      // the rest, in the order the batch would fund them
        YearMonth? awardMonth = null;

        foreach (var a in batch.Applications)
        {
            if (a.Status == ApplicationStatus.Declined) continue;
            var slot = a.IsAwarded ? stages.Length - 1 : Array.IndexOf(stages, a.Stage);
            if (slot < 0) continue;
            var p = a.IsAwarded ? 1.0 : Chance(rules, a.Class, slot);
            var value = a.IsAwarded ? a.Awarded : a.Amount;
            var e = decimal.Round((decimal)p * value, 2);
            count[slot]++;
            amount[slot] += value;
            expected[slot] += (decimal)p;
            expectedAmount[slot] += e;
            if (!a.IsAwarded)
            {
                var m = Later(call.AddMonths(ReviewStages.AwardAfter), thisMonth.AddMonths(slot >= ReviewStages.Count ? 0 : ReviewStages.AwardAfter - ReviewStages.MonthAfterCall[slot]));
                awardMonth = awardMonth is { } am && am >= m ? am : m;
            }
            if (a.IsAwarded || a.Funded) committed += e;
            else if (a.Status == ApplicationStatus.Waiting) queue.Add(new Queued(a, e, thisMonth, 0, slot));
            else
            {
                var ahead = slot <= Panel ? ReviewStages.MonthAfterCall[Panel] - ReviewStages.MonthAfterCall[slot] : 0;
                var month = slot <= Panel ? Later(call.AddMonths(ReviewStages.MonthAfterCall[Panel]), thisMonth.AddMonths(ahead)) : thisMonth;
                queue.Add(new Queued(a, e, month, 1, slot));
            }
        }

        var waiting = new List<BatchForecastWaiting>();
        string? runsOut = null;
        var total = expectedAmount.Sum();
        if (batch.Call.Budget is { } cap)
        {
            var waitingRank = batch.Applications.Where(a => a.Status == ApplicationStatus.Waiting)
                .OrderByDescending(a => a.Score ?? 0).ThenBy(a => a.RecommendedAt).ThenBy(a => a.Id)
                .Select((a, i) => (a.Id, i)).ToDictionary(x => x.Id, x => x.i);
            var ordered = queue
                .OrderBy(q => q.Group)
                .ThenBy(q => q.Group == 0 ? waitingRank[q.Application.Id] : 0)
                .ThenBy(q => q.Month)
                .ThenByDescending(q => q.Slot)
                .ThenBy(q => q.Application.Id);
            var sum = committed;
            foreach (var q in ordered)
            {
                sum += q.Expected;
                if (runsOut is null && sum <= cap) continue;
                runsOut ??= q.Month.ToString();
                var a = q.Application;
                waiting.Add(new BatchForecastWaiting
                {
                    Rank = waiting.Count + 1, ApplicationId = a.Id, EnterpriseName = a.EnterpriseName, ProjectName = a.ProjectName,
                    CountyId = a.CountyId, Class = a.Class, Stage = a.Stage, Amount = a.Amount, ExpectedAmount = q.Expected,
                    Month = q.Month.ToString(), WaitingNow = a.Status == ApplicationStatus.Waiting,
                });
            }
        }

        return new BatchForecast
        {
            ForVersion = batch.Version, AsOf = thisMonth.ToString(), ComputedAt = now, PassRates = rates,
            Stages = [.. stages.Select((s, i) => new BatchStageForecast(s, count[i], amount[i], decimal.Round(expected[i], 2), expectedAmount[i]))],
            ExpectedAwards = decimal.Round(expected.Sum(), 2), ExpectedAmount = total, AwardMonth = awardMonth?.ToString(),
            Budget = batch.Call.Budget, RunsOutIn = runsOut,
            Shortfall = batch.Call.Budget is { } b && total > b ? total - b : 0m,
            Waiting = waiting,
        };
    }

    /// <summary>The chance an application at this slot is awarded: every review stage from it on passed; past them all, certain.</summary>
    private static double Chance(ArmRules rules, GrantClass c, int slot) =>
        slot >= ReviewStages.Count ? 1.0 : Math.Pow(rules.StagePass[c == GrantClass.Subsidy ? 0 : 1], ReviewStages.Count - slot);

    private static YearMonth Later(YearMonth a, YearMonth b) => a >= b ? a : b;

    private readonly record struct Queued(GrantApplication Application, decimal Expected, YearMonth Month, int Group, int Slot);
}
