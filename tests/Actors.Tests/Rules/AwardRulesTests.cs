using Programme.Domain;
using Programme.Grains.Grants;
using Programme.Grants;

namespace Programme.Tests.Rules;

/// <summary>The special fund's class rules (AwardRules) as pure unit tests, at each boundary.</summary>
public sealed class AwardRulesTests
{
    private static YearMonth M(int y, int m) => new(y, m);

    private static Project P(ProjectKind kind = ProjectKind.Technical, ProjectStatus status = ProjectStatus.Underway, YearMonth? end = null,
        params (YearMonth Month, decimal Amount)[] monthly) => new()
    {
        Id = "p1", Name = "项目", Kind = kind, Status = status, StartMonth = M(2021, 1), EndMonth = end ?? M(2023, 6), TotalInvestment = 1m,
        Monthly = [.. monthly.Select(x => new MonthlyInvestment(x.Month, x.Amount))],
    };

    private static Enterprise Firm(params Certification[] certs) => new()
    {
        Id = "f", Name = "f", CountyId = "lingbao", Sector = "gold", AboveScale = true, Certifications = certs,
    };

    private static (string, string)? Why(string field, string rule) => (field, rule);

    private static BatchCall Call(SubsidyRule? subsidy = null, params RewardAmount[] rewards) => new()
    {
        Name = "测试", WindowFrom = M(2022, 1), WindowTo = M(2022, 8), Kinds = [ProjectKind.Intelligent, ProjectKind.Technical],
        Subsidy = subsidy, Rewards = rewards,
    };

    [Fact]
    public void Investment_in_the_window_counts_both_ends_and_nothing_outside()
    {
        var p = P(monthly: [(M(2021, 12), 1m), (M(2022, 1), 10m), (M(2022, 5), 100m), (M(2022, 8), 1_000m), (M(2022, 9), 10_000m)]);
        Assert.Equal(1_110m, AwardRules.CompletedInWindow(p, M(2022, 1), M(2022, 8)));
        Assert.Equal(0m, AwardRules.CompletedInWindow(P(), M(2022, 1), M(2022, 8)));
    }

    [Fact]
    public void The_subsidy_is_the_rate_of_the_window_investment_down_to_the_fen_at_most_the_cap()
    {
        Assert.Equal(0.33m, AwardRules.Subsidy(new SubsidyRule(0.3m, null), 1.119m));      // 0.3357 → 0.33, never up
        Assert.Equal(300_000m, AwardRules.Subsidy(new SubsidyRule(0.3m, 500_000m), 1_000_000m));
        Assert.Equal(500_000m, AwardRules.Subsidy(new SubsidyRule(0.3m, 500_000m), 2_000_000m));
        Assert.Equal(500_000m, AwardRules.Subsidy(new SubsidyRule(0.5m, 500_000m), 1_000_000m)); // exactly the cap
        Assert.Equal(3_000_000m, AwardRules.Subsidy(new SubsidyRule(0.3m, null), 10_000_000m));
        Assert.Equal(0m, AwardRules.Subsidy(new SubsidyRule(0.3m, 500_000m), 0m));
        Assert.Equal(0m, AwardRules.Subsidy(new SubsidyRule(0.3m, 500_000m), -100m));
    }

    [Fact]
    public void A_reward_is_the_calls_amount_for_the_result_or_none()
    {
        var rewards = new[] { new RewardAmount(RewardResult.SmartWorkshop, 300_000m), new RewardAmount(RewardResult.GreenFactory, 500_000m) };
        Assert.Equal(300_000m, AwardRules.Reward(rewards, RewardResult.SmartWorkshop));
        Assert.Equal(500_000m, AwardRules.Reward(rewards, RewardResult.GreenFactory));
        Assert.Null(AwardRules.Reward(rewards, RewardResult.SmartFactory));
        Assert.Null(AwardRules.Reward([], RewardResult.SmartFactory));
    }

    [Fact]
    public void What_an_application_asks_follows_its_class()
    {
        var p = P(monthly: [(M(2022, 3), 1_000_000m)]);
        var call = Call(new SubsidyRule(0.3m, 500_000m), new RewardAmount(RewardResult.SmartWorkshop, 300_000m));
        Assert.Equal(300_000m, AwardRules.Requested(call, p, GrantClass.Subsidy, null));
        Assert.Equal(300_000m, AwardRules.Requested(call, p, GrantClass.Reward, RewardResult.SmartWorkshop));
        Assert.Equal(0m, AwardRules.Requested(call, p, GrantClass.Reward, RewardResult.GreenFactory));
        Assert.Equal(0m, AwardRules.Requested(call, p, GrantClass.Reward, null));
        Assert.Equal(0m, AwardRules.Requested(Call(null), p, GrantClass.Subsidy, null));
        Assert.Equal(0m, AwardRules.Requested(call, P(monthly: [(M(2022, 9), 1_000_000m)]), GrantClass.Subsidy, null));
    }

    [Fact]
    public void A_project_outside_the_calls_kinds_or_not_implemented_may_not_apply()
    {
        var call = Call(new SubsidyRule(0.3m, null));
        var invested = new[] { (M(2022, 3), 10m) };
        Assert.Equal("projectId", AwardRules.Ineligibility(call, Firm(), P(ProjectKind.Green, monthly: invested), GrantClass.Subsidy, null)?.Field);
        Assert.Contains("green", AwardRules.Ineligibility(call, Firm(), P(ProjectKind.Green, monthly: invested), GrantClass.Subsidy, null)!.Value.Rule);
        Assert.Contains("underway or completed", AwardRules.Ineligibility(call, Firm(), P(status: ProjectStatus.Planned, monthly: invested), GrantClass.Subsidy, null)!.Value.Rule);
        Assert.NotNull(AwardRules.Ineligibility(call, Firm(), P(status: ProjectStatus.Cancelled, monthly: invested), GrantClass.Subsidy, null));
        Assert.Null(AwardRules.Ineligibility(call, Firm(), P(monthly: invested), GrantClass.Subsidy, null));
        Assert.Null(AwardRules.Ineligibility(call, Firm(), P(status: ProjectStatus.Completed, monthly: invested), GrantClass.Subsidy, null));
        Assert.Contains("no investment completed in the window 2022-01…2022-08",
            AwardRules.Ineligibility(call, Firm(), P(monthly: [(M(2021, 12), 10m)]), GrantClass.Subsidy, null)!.Value.Rule);
    }

    [Fact]
    public void A_reward_needs_its_result_and_a_certification_granted_in_the_window()
    {
        var call = Call(null, new RewardAmount(RewardResult.SmartWorkshop, 300_000m));
        Assert.Equal("result", AwardRules.Ineligibility(call, Firm(), P(), GrantClass.Reward, null)?.Field);
        Assert.Null(AwardRules.Ineligibility(call, Firm(new Certification(CertificationKind.SmartWorkshop, CertificationLevel.City, M(2022, 1))), P(), GrantClass.Reward, RewardResult.SmartWorkshop));
        Assert.Null(AwardRules.Ineligibility(call, Firm(new Certification(CertificationKind.SmartWorkshop, CertificationLevel.City, M(2022, 8))), P(), GrantClass.Reward, RewardResult.SmartWorkshop));
        Assert.NotNull(AwardRules.Ineligibility(call, Firm(new Certification(CertificationKind.SmartWorkshop, CertificationLevel.City, M(2022, 9))), P(), GrantClass.Reward, RewardResult.SmartWorkshop));
        Assert.NotNull(AwardRules.Ineligibility(call, Firm(new Certification(CertificationKind.SmartWorkshop, CertificationLevel.City, M(2021, 12))), P(), GrantClass.Reward, RewardResult.SmartWorkshop));
        var wrongKind = AwardRules.Ineligibility(call, Firm(new Certification(CertificationKind.SmartFactory, CertificationLevel.City, M(2022, 3))), P(), GrantClass.Reward, RewardResult.SmartWorkshop);
        Assert.Contains("no smart-workshop certification", wrongKind!.Value.Rule);
    }

    [Fact]
    public void Machine_replaces_labour_needs_an_intelligent_project_completed_in_the_window()
    {
        var call = Call(null, new RewardAmount(RewardResult.MachineReplacesLabour, 200_000m));
        (string, string)? For(ProjectKind kind, ProjectStatus status, YearMonth end) =>
            AwardRules.Ineligibility(call, Firm(), P(kind, status, end), GrantClass.Reward, RewardResult.MachineReplacesLabour);
        Assert.Null(For(ProjectKind.Intelligent, ProjectStatus.Completed, M(2022, 1)));
        Assert.Null(For(ProjectKind.Intelligent, ProjectStatus.Completed, M(2022, 8)));
        Assert.NotNull(For(ProjectKind.Intelligent, ProjectStatus.Completed, M(2022, 9)));
        Assert.NotNull(For(ProjectKind.Intelligent, ProjectStatus.Completed, M(2021, 12)));
        Assert.NotNull(For(ProjectKind.Intelligent, ProjectStatus.Underway, M(2022, 5)));
        Assert.NotNull(For(ProjectKind.Technical, ProjectStatus.Completed, M(2022, 5)));
    }

    [Fact]
    public void Each_refusal_names_its_field_and_says_why_in_words()
    {
        var call = Call(new SubsidyRule(0.3m, null), new RewardAmount(RewardResult.SmartWorkshop, 1m), new RewardAmount(RewardResult.MachineReplacesLabour, 1m));
        var invested = new[] { (M(2022, 3), 10m) };
        Assert.Equal(Why("projectId", "is a green project; this batch funds intelligent, technical projects"),
            AwardRules.Ineligibility(call, Firm(), P(ProjectKind.Green, monthly: invested), GrantClass.Subsidy, null));
        Assert.Equal(Why("projectId", "must be underway or completed (it is planned)"),
            AwardRules.Ineligibility(call, Firm(), P(status: ProjectStatus.Planned, monthly: invested), GrantClass.Subsidy, null));
        Assert.Equal(Why("projectId", "has no investment completed in the window 2022-01…2022-08"),
            AwardRules.Ineligibility(call, Firm(), P(), GrantClass.Subsidy, null));
        Assert.Equal(Why("result", "is required for the reward class"), AwardRules.Ineligibility(call, Firm(), P(), GrantClass.Reward, null));
        Assert.Equal(Why("result", "machine-replaces-labour needs an intelligent project completed in the window 2022-01…2022-08"),
            AwardRules.Ineligibility(call, Firm(), P(ProjectKind.Technical, ProjectStatus.Completed, M(2022, 5)), GrantClass.Reward, RewardResult.MachineReplacesLabour));
        Assert.Equal(Why("result", "the firm holds no smart-workshop certification granted in the window 2022-01…2022-08"),
            AwardRules.Ineligibility(call, Firm(), P(), GrantClass.Reward, RewardResult.SmartWorkshop));
        // One certificate of the right kind among others is enough.
        Assert.Null(AwardRules.Ineligibility(call, Firm(new Certification(CertificationKind.GreenFactory, CertificationLevel.City, M(2022, 2)),
            new Certification(CertificationKind.SmartWorkshop, CertificationLevel.City, M(2022, 3))), P(), GrantClass.Reward, RewardResult.SmartWorkshop));
        Assert.Contains("not a certification result", Assert.Throws<ArgumentOutOfRangeException>(() => AwardRules.Certification(RewardResult.MachineReplacesLabour)).Message);
    }

    [Fact]
    public void Each_certification_result_stands_for_its_certificate()
    {
        Assert.Equal(CertificationKind.SmartFactory, AwardRules.Certification(RewardResult.SmartFactory));
        Assert.Equal(CertificationKind.SmartWorkshop, AwardRules.Certification(RewardResult.SmartWorkshop));
        Assert.Equal(CertificationKind.GreenFactory, AwardRules.Certification(RewardResult.GreenFactory));
        Assert.Equal(CertificationKind.SmartManufacturingBenchmark, AwardRules.Certification(RewardResult.SmartManufacturingBenchmark));
        Assert.Throws<ArgumentOutOfRangeException>(() => AwardRules.Certification(RewardResult.MachineReplacesLabour));
    }
}
