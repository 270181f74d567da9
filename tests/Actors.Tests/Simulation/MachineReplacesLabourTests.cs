using Programme.Domain;
using Programme.Grains.Grants;
using Programme.Grains.Simulation;
using Programme.Grants;
using Programme.Simulation;

namespace Programme.Tests.Simulation;

/// <summary>
/// 机器换人支持比例 in the simulation: support is the policy's ratio × the project's eligible equipment investment, by the
/// funding batch's own rule (AwardRules.MachineReplacesLabour), and the ratio is a lever of the scenario request.
/// </summary>
public sealed class MachineReplacesLabourTests
{
    private static readonly RewardsRequest NoCertificationRewards = new() { SmartFactory = 0, SmartWorkshop = 0, GreenFactory = 0, SmartManufacturingBenchmark = 0 };

    private static async Task<ScenarioEngine> Run(ScenarioDefinition definition, SeedFirm[]? live = null)
    {
        var engine = new ScenarioEngine(definition, live, _ => new LocalShardRunner());
        await engine.Setup();
        await engine.AdvanceTo(definition.Months);
        return engine;
    }

    [Fact]
    public async Task A_ratio_of_zero_with_no_other_grant_is_exactly_the_no_reward_twin()
    {
        var engine = await Run(Scenarios.Define(new ScenarioRequest
        {
            Runs = 12, Months = 36,
            Policy = new PolicyRequest { SubsidyRate = 0, Rewards = NoCertificationRewards, MachineReplacesLabourRatio = 0, BatchMonths = [4, 10] },
        }));
        Assert.Equal(TrustTests.Levels(engine, engine.TwinOf[0]!.Value), TrustTests.Levels(engine, 0));
        Assert.Equal(0, engine.Results().Comparison!.Grants);
    }

    [Fact]
    public async Task A_higher_ratio_pays_more_support_and_buys_more_intelligent_projects()
    {
        PolicyRequest Ratio(decimal r) => new()
        {
            SubsidyRate = 0, Rewards = NoCertificationRewards, MachineReplacesLabourRatio = r, MachineReplacesLabourCap = 100_000_000,
        };
        var engine = await Run(Scenarios.Define(new ScenarioRequest
        {
            Runs = 30, Policy = Ratio(0.10m),
            Alternatives = [new AlternativeRequest { Name = "ratio-40", Policy = Ratio(0.40m) }],
        }));
        Assert.True(TrustTests.MeanLevel(engine, 1, Metric.RewardRequested) > TrustTests.MeanLevel(engine, 0, Metric.RewardRequested),
            $"support asked at 40 % {TrustTests.MeanLevel(engine, 1, Metric.RewardRequested)} vs 10 % {TrustTests.MeanLevel(engine, 0, Metric.RewardRequested)}");
        Assert.True(TrustTests.MeanLevel(engine, 1, Metric.RewardAwarded) > TrustTests.MeanLevel(engine, 0, Metric.RewardAwarded));
        Assert.True(TrustTests.MeanLevel(engine, 1, Metric.Intelligent) > TrustTests.MeanLevel(engine, 0, Metric.Intelligent),
            $"intelligent projects at 40 % {TrustTests.MeanLevel(engine, 1, Metric.Intelligent)} vs 10 % {TrustTests.MeanLevel(engine, 0, Metric.Intelligent)}");
        // …and even 10 % buys intelligent projects its twin (no support) does not have.
        var twin = engine.TwinOf[0]!.Value;
        Assert.True(TrustTests.MeanLevel(engine, 0, Metric.Intelligent) > TrustTests.MeanLevel(engine, twin, Metric.Intelligent));
    }

    [Theory]
    [InlineData(0.10, 200_000.0, 3_456_789.12)]        // batch 2022-1: 10 %, at most 20 万 (binds)
    [InlineData(0.15, 1_000_000.0, 3_456_789.12)]      // the cap does not bind: 518,518.368 → 518,518 yuan
    [InlineData(0.25, 10_000_000_000.0, 12_345_678.99)] // practically uncapped
    public async Task The_simulated_support_of_a_project_is_the_funding_batchs_figure_for_it(double ratio, double cap, double equipment)
    {
        // One firm with one intelligent project completed in 2022-07, its equipment investment recorded; the call opens in
        // the fork's first month (2022-09); every firm applies and every application passes.
        var project = new Project
        {
            Id = "p1", Name = "智能化改造", Kind = ProjectKind.Intelligent, TotalInvestment = 20_000_000m, Status = ProjectStatus.Completed,
            StartMonth = new YearMonth(2021, 3), EndMonth = new YearMonth(2022, 7), EquipmentInvestment = (decimal)equipment,
            Monthly = [new MonthlyInvestment(new YearMonth(2022, 7), 20_000_000m)], Entry = ProjectEntry.Entered,
        };
        var firm = new Enterprise { Id = "robot-firm", Name = "机器换人", CountyId = "lingbao", Sector = "equipment", AboveScale = true, Projects = [project] };
        var request = new ScenarioRequest
        {
            Baseline = "live", Runs = 3, Months = 1,
            Policy = new PolicyRequest
            {
                SubsidyRate = 0, Rewards = NoCertificationRewards, BatchMonths = [9], RewardPassRate = 1,
                MachineReplacesLabourRatio = (decimal)ratio, MachineReplacesLabourCap = (decimal)cap,
            },
        };
        var definition = Scenarios.Define(request) with { Behaviour = BehaviourParameters.Default with { ApplyReward = 1 } };
        var engine = await Run(definition, Populations.Live([firm], definition.StartMonth, [9]));

        var rule = new SubsidyRule((decimal)ratio, (decimal)cap);
        var batch = decimal.Floor(AwardRules.MachineReplacesLabour(rule, project.EquipmentInvestment!.Value));
        for (var r = 0; r < definition.Runs; r++)
            Assert.Equal((long)batch, engine.City(0, r, 1, Metric.RewardRequested));
        // What the batch would ask for this project is the same figure.
        var call = new BatchCall
        {
            Name = "2022-1", WindowFrom = new YearMonth(2021, 9), WindowTo = new YearMonth(2022, 8), Kinds = [ProjectKind.Intelligent], MachineReplacesLabour = rule,
        };
        Assert.Equal(batch, decimal.Floor(AwardRules.Requested(call, project, GrantClass.Reward, RewardResult.MachineReplacesLabour)));
    }

    [Fact]
    public void The_ratio_is_validated_and_the_old_fixed_amount_is_refused_with_a_pointer_to_the_ratio()
    {
        foreach (var bad in new[] { -0.1m, 1.01m })
        {
            var (definition, errors) = ScenarioRequestValidator.Validate(new ScenarioRequest
                { Policy = new PolicyRequest { MachineReplacesLabourRatio = bad } }, ProgrammeCalendar.Default.ReportingMonth, 639);
            Assert.Null(definition);
            Assert.Contains("between 0 and 1", Assert.Single(errors["policy.machineReplacesLabourRatio"]));
        }
        var (old, oldErrors) = ScenarioRequestValidator.Validate(new ScenarioRequest
            { Policy = new PolicyRequest { Rewards = new RewardsRequest { MachineReplacesLabour = 200_000 } } }, ProgrammeCalendar.Default.ReportingMonth, 639);
        Assert.Null(old);
        Assert.Contains("machineReplacesLabourRatio", Assert.Single(oldErrors["policy.rewards.machineReplacesLabour"]));

        var ok = Scenarios.Define(new ScenarioRequest { Alternatives = [new AlternativeRequest { Name = "a", Policy = new PolicyRequest { MachineReplacesLabourRatio = 0.3m } }] });
        Assert.Equal(0.10m, ok.Policy.MachineReplacesLabourRatio);
        Assert.Equal(new SubsidyRule(0.10m, 200_000m), ok.Policy.MachineReplacesLabour);
        Assert.Equal(0.3m, ok.Alternatives[0].Policy.MachineReplacesLabourRatio);
    }
}
