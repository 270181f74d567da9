using Programme.Domain;
using Programme.Grains.Forecasts;
using Programme.Grants;

namespace Programme.Tests.Rules;

/// <summary>
/// The grant-pipeline forecast (BatchForecaster) on batch values: expected awards follow the pass rates and the
/// applications in hand, a cap smaller than the expected awards gives a run-out month and a waiting list in the batch's
/// rank order, and an uncapped batch never runs out.
/// </summary>
public sealed class BatchForecastRulesTests
{
    private static readonly DateTimeOffset Called = new(2027, 4, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly BatchPassRates Model = BatchForecaster.PassRates(new ForecastOptions());

    private static GrantApplication App(int id, ReviewStage stage, decimal amount, ApplicationStatus status = ApplicationStatus.Pending,
        GrantClass c = GrantClass.Subsidy, decimal? score = null, bool funded = false) => new()
    {
        Id = id, EnterpriseId = $"firm-{id}", EnterpriseName = $"企业{id}", CountyId = "hubin", ProjectId = "p1", ProjectName = $"项目{id}",
        Class = c, Requested = amount, Amount = amount, Stage = stage, Status = status, Score = score, Funded = funded,
        Awarded = status is ApplicationStatus.Awarded ? amount : 0m, RecommendedAt = score is null ? null : Called.AddDays(id),
    };

    private static BatchPipeline Batch(decimal? budget, params GrantApplication[] apps) => new()
    {
        Id = "t", Version = 7, CreatedAt = Called, Status = BatchStatus.Reviewing, Applications = apps,
        Call = new BatchCall { Name = "测试批次", WindowFrom = new YearMonth(2026, 1), WindowTo = new YearMonth(2026, 12), Budget = budget },
    };

    private static readonly GrantApplication[] InHand =
    [
        App(1, ReviewStage.CountyCheck, 2_000_000m),
        App(2, ReviewStage.ExpertRecheck, 3_000_000m),
        App(3, ReviewStage.ExpertPanel, 1_000_000m, c: GrantClass.Reward),
        App(4, ReviewStage.PublicNotice, 1_500_000m, funded: true),
        App(5, ReviewStage.Disbursement, 800_000m, ApplicationStatus.Awarded),
        App(6, ReviewStage.CountyCheck, 900_000m, ApplicationStatus.Declined),
    ];

    [Fact]
    public void Raising_the_pass_rate_or_adding_an_application_raises_the_expected_awards()
    {
        var now = Called.AddMonths(1);
        var baseline = BatchForecaster.Build(Batch(null, InHand), Model, now);
        // Each stage brings less than its applications' amount (every review stage still ahead may fail), except the award made.
        var county = baseline.Stages.Single(s => s.Stage == ReviewStage.CountyCheck);
        Assert.Equal((1, 2_000_000m), (county.Applications, county.Amount));          // the declined one is not in the pipeline
        Assert.InRange(county.ExpectedAmount, 1m, 2_000_000m * Model.Subsidy + 1m);
        Assert.Equal(800_000m, baseline.Stages.Single(s => s.Stage == ReviewStage.Disbursement).ExpectedAmount);
        Assert.Equal(baseline.Stages.Sum(s => s.ExpectedAmount), baseline.ExpectedAmount);
        Assert.InRange(baseline.ExpectedAwards, 4m, 5m);                                  // 5 alive, 1 certain, the rest likely

        var higher = BatchForecaster.Build(Batch(null, InHand), Model with { Subsidy = 0.95m }, now);
        Assert.True(higher.ExpectedAmount > baseline.ExpectedAmount, $"{higher.ExpectedAmount} > {baseline.ExpectedAmount}");
        Assert.True(higher.ExpectedAwards > baseline.ExpectedAwards);
        var higherReward = BatchForecaster.Build(Batch(null, InHand), Model with { Reward = 0.95m }, now);
        Assert.True(higherReward.ExpectedAmount > baseline.ExpectedAmount);

        var more = BatchForecaster.Build(Batch(null, [.. InHand, App(7, ReviewStage.CountyRecommendation, 500_000m)]), Model, now);
        Assert.True(more.ExpectedAmount > baseline.ExpectedAmount);
        Assert.True(more.ExpectedAwards > baseline.ExpectedAwards);
        // The awards still to come are expected four months after the call.
        Assert.Equal("2027-08", baseline.AwardMonth);
    }

    [Fact]
    public void A_cap_smaller_than_the_expected_awards_runs_out_and_names_who_would_wait_in_rank_order()
    {
        var now = Called.AddMonths(1);
        var uncapped = BatchForecaster.Build(Batch(null, InHand), Model, now);
        // Room for the award made, the funded notice and the panel's application, not for the two behind them.
        var cap = 800_000m + 1_500_000m + 1_000_000m;
        var capped = BatchForecaster.Build(Batch(cap, InHand), Model, now);
        Assert.Equal(uncapped.ExpectedAmount, capped.ExpectedAmount);
        Assert.Equal("2027-07", capped.RunsOutIn);                                     // the expert panel of the re-checked application
        Assert.Equal(new[] { 2, 1 }, capped.Waiting.Select(w => w.ApplicationId));             // both reach the panel in July; the further one is recommended first
        Assert.Equal(new[] { 1, 2 }, capped.Waiting.Select(w => w.Rank));
        Assert.Equal("企业2", capped.Waiting[0].EnterpriseName);
        Assert.Equal(capped.ExpectedAmount - cap, capped.Shortfall);
        Assert.True(capped.Shortfall > 0);

        // Applications already waiting come first, in the batch's own rank (score, then recommendation).
        var queued = BatchForecaster.Build(Batch(1_000_000m,
            App(1, ReviewStage.SpecialAudit, 900_000m, funded: true),
            App(2, ReviewStage.SpecialAudit, 600_000m, ApplicationStatus.Waiting, score: 70m),
            App(3, ReviewStage.SpecialAudit, 600_000m, ApplicationStatus.Waiting, score: 90m),
            App(4, ReviewStage.CountyCheck, 400_000m)), Model, now);
        Assert.Equal("2027-05", queued.RunsOutIn);
        Assert.Equal(new[] { 3, 2, 4 }, queued.Waiting.Select(w => w.ApplicationId));
        Assert.True(queued.Waiting[0].WaitingNow && !queued.Waiting[2].WaitingNow);

        // A cap the expected awards fit under: no run-out, nobody waits.
        var roomy = BatchForecaster.Build(Batch(uncapped.ExpectedAmount + 1m, InHand), Model, now);
        Assert.Null(roomy.RunsOutIn);
        Assert.Empty(roomy.Waiting);
        Assert.Equal(0m, roomy.Shortfall);
    }

    [Fact]
    public void An_uncapped_batch_never_runs_out()
    {
        var many = Enumerable.Range(1, 40).Select(i => App(i, ReviewStage.CountyCheck, 3_000_000m)).ToArray();
        var f = BatchForecaster.Build(Batch(null, many), Model, Called.AddMonths(9));
        Assert.True(f.ExpectedAmount > 50_000_000m);
        Assert.Null(f.Budget);
        Assert.Null(f.RunsOutIn);
        Assert.Empty(f.Waiting);
        // A review running late: the awards come after the stages still ahead, counted from now.
        Assert.Equal("2028-04", f.AwardMonth);
    }
}
