using Programme.Commands;
using Programme.Domain;
using Programme.Grains.Grants;
using Programme.Grants;

namespace Programme.Tests.Rules;

/// <summary>
/// The review pipeline's rules (Pipeline) as pure unit tests: each command on a batch value, at a time the test names —
/// validation by field, who may decide which stage, the budget's waiting list, the notice window, awards and payments.
/// </summary>
public sealed class PipelineRulesTests
{
    private static readonly DateTimeOffset T0 = new(2022, 9, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly ChangeContext City = new("city-staff", "test");
    private static ChangeContext Agent(string county) => new($"{county}-agent", "test", null, county);
    private static YearMonth M(int y, int m) => new(y, m);

    private static Enterprise Firm(string id, string county, decimal invested, ProjectKind kind = ProjectKind.Technical, ProjectStatus status = ProjectStatus.Underway) => new()
    {
        Id = id, Name = $"企业{id}", CountyId = county, Sector = "equipment", AboveScale = true,
        Projects = [new() { Id = "p1", Name = "设备升级", Kind = kind, Status = status, TotalInvestment = invested * 4, StartMonth = M(2022, 1), EndMonth = M(2023, 6),
            Monthly = [new(M(2022, 3), invested)] }],
        Certifications = [new(CertificationKind.SmartWorkshop, CertificationLevel.City, M(2022, 5))],
    };

    private static CreateBatch Call(decimal? budget = null) => new("测试批次", "2022-01", "2022-08", ["technical", "intelligent", "technical"],
        new SubsidyTerms(0.3m, 500_000m), new Dictionary<string, decimal?> { ["smart-workshop"] = 300_000m, ["green-factory"] = 500_000m }, budget);

    private static FundingBatch Batch(decimal? budget = null) => Pipeline.Create("b1", Call(budget), City, T0).Next!;

    private static FundingBatch Ok(Pipeline.Step step)
    {
        Assert.True(step.Failure is null, $"{step.Failure?.Outcome} {step.Failure?.Detail} {string.Join(";", step.Failure?.Errors.Select(e => e.Key) ?? [])}");
        return step.Next!;
    }

    private static BatchOutcome Outcome(Pipeline.Step step) => step.Failure?.Outcome ?? BatchOutcome.Accepted;
    private static string[] Fields(Pipeline.Step step) => [.. step.Failure!.Errors.Keys.Order()];

    private static Pipeline.Step Decide(FundingBatch b, int id, ReviewStage stage, string decision, ChangeContext? who = null, string? note = null,
        decimal? amount = null, decimal? score = null, string? returnTo = null, DateTimeOffset? at = null) =>
        Pipeline.Decide(b, new DecideApplication(id, Wire.NameOf(stage), decision, note, amount, score, returnTo), who ?? City, at ?? T0);

    /// <summary>Applies for a subsidy for each firm (30 % of its window investment, at most 50 万).</summary>
    private static FundingBatch WithApplications(FundingBatch b, params Enterprise[] firms)
    {
        foreach (var f in firms) b = Ok(Pipeline.Apply(b, new ApplyForGrant(f.Id, "p1", "subsidy"), f, City, T0));
        return b;
    }

    /// <summary>Approves application <paramref name="id"/> stage by stage until it stands at <paramref name="until"/>.</summary>
    private static FundingBatch Advance(FundingBatch b, int id, ReviewStage until, decimal score = 80m)
    {
        while (b.Find(id)!.Stage < until && b.Find(id)!.Stage < ReviewStage.PublicNotice)
        {
            var stage = b.Find(id)!.Stage;
            b = Ok(Decide(b, id, stage, "approve", score: stage == ReviewStage.ExpertPanel ? score : null));
        }
        return b;
    }

    [Fact]
    public void Only_city_staff_open_a_batch_and_every_bad_field_is_named()
    {
        Assert.Equal(BatchOutcome.Forbidden, Outcome(Pipeline.Create("b1", Call(), Agent("lingbao"), T0)));
        var bad = Pipeline.Create("bad id", new CreateBatch(" ", "2022-08", "2022-01", ["weather"], new SubsidyTerms(null, -1m),
            new Dictionary<string, decimal?> { ["medal"] = 1m, ["smart-factory"] = 0m }, 0m, " "), City, T0);
        Assert.Equal(BatchOutcome.Invalid, Outcome(bad));
        Assert.Equal(["budget", "id", "kinds", "name", "reference", "rewards", "rewards.smart-factory", "subsidy.cap", "subsidy.rate", "windowTo"], Fields(bad));
        Assert.Equal(["kinds", "subsidy"], Fields(Pipeline.Create("b1", new CreateBatch("名", "2022-01", "2022-01", [], null, null, null), City, T0)));
        Assert.Equal(["kinds"], Fields(Pipeline.Create("b1", Call() with { Kinds = null }, City, T0)));
        Assert.Equal(["subsidy"], Fields(Pipeline.Create("b1", Call() with { Subsidy = null, Rewards = new() }, City, T0)));
        Assert.Equal(["windowFrom"], Fields(Pipeline.Create("b1", Call() with { WindowFrom = "2022" }, City, T0)));
        foreach (var rate in new decimal?[] { 0m, -0.1m, 1.01m, 0.12345m })
            Assert.Equal(["subsidy.rate"], Fields(Pipeline.Create("b1", Call() with { Subsidy = new SubsidyTerms(rate, null) }, City, T0)));
        Assert.Equal(1m, Ok(Pipeline.Create("b1", Call() with { Subsidy = new SubsidyTerms(1m, null) }, City, T0)).Call.Subsidy!.Rate);
        Assert.Equal(0.1234m, Ok(Pipeline.Create("b1", Call() with { Subsidy = new SubsidyTerms(0.1234m, null) }, City, T0)).Call.Subsidy!.Rate);

        var b = Batch(budget: 1_000_000m);
        Assert.Equal(("b1", "测试批次", M(2022, 1), M(2022, 8), true, 1L, T0, T0), (b.Id, b.Call.Name, b.Call.WindowFrom, b.Call.WindowTo, b.Accepting, b.Version, b.CreatedAt, b.UpdatedAt));
        Assert.Equal([ProjectKind.Intelligent, ProjectKind.Technical], b.Call.Kinds);
        Assert.Equal(new SubsidyRule(0.3m, 500_000m), b.Call.Subsidy);
        Assert.Equal([new RewardAmount(RewardResult.SmartWorkshop, 300_000m), new RewardAmount(RewardResult.GreenFactory, 500_000m)], b.Call.Rewards);
        Assert.Equal(1_000_000m, b.Call.Budget);
        Assert.Equal("文号", Ok(Pipeline.Create("b1", Call() with { Reference = " 文号 " }, City, T0)).Call.Reference);
        Assert.Null(Ok(Pipeline.Create("b1", Call() with { Subsidy = null }, City, T0)).Call.Subsidy);
    }

    [Fact]
    public void An_application_names_what_is_wrong_and_a_county_applies_only_for_its_own_firms()
    {
        var b = Batch();
        var firm = Firm("f1", "lingbao", 1_000_000m);
        Assert.Equal(["class", "enterpriseId", "projectId"], Fields(Pipeline.Apply(b, new ApplyForGrant(null, "", "gift"), null, City, T0)));
        Assert.Equal(["enterpriseId"], Fields(Pipeline.Apply(b, new ApplyForGrant("bad id", "p1", "subsidy"), null, City, T0)));
        Assert.Contains("no enterprise 'ghost'", Pipeline.Apply(b, new ApplyForGrant("ghost", "p1", "subsidy"), null, City, T0).Failure!.Errors["enterpriseId"][0]);
        Assert.Equal(["result"], Fields(Pipeline.Apply(b, new ApplyForGrant("f1", "p1", "subsidy", "smart-workshop"), firm, City, T0)));
        Assert.Equal(["result"], Fields(Pipeline.Apply(b, new ApplyForGrant("f1", "p1", "reward"), firm, City, T0)));
        Assert.Equal(["note"], Fields(Pipeline.Apply(b, new ApplyForGrant("f1", "p1", "subsidy", null, new string('长', 2001)), firm, City, T0)));
        Assert.Equal(BatchOutcome.Forbidden, Outcome(Pipeline.Apply(b, new ApplyForGrant("f1", "p1", "subsidy"), firm, Agent("mianchi"), T0)));
        Assert.Equal(BatchOutcome.Invalid, Outcome(Pipeline.Apply(b, new ApplyForGrant("f1", "p9", "subsidy"), firm, City, T0)));
        Assert.Equal(BatchOutcome.Invalid, Outcome(Pipeline.Apply(b, new ApplyForGrant("f1", "p1", "reward", "smart-factory"), firm, City, T0)));
        Assert.Equal(BatchOutcome.Invalid, Outcome(Pipeline.Apply(b, new ApplyForGrant("f1", "p1", "reward", "green-factory"), firm, City, T0))); // holds no green factory
        Assert.Equal(BatchOutcome.Invalid, Outcome(Pipeline.Apply(b, new ApplyForGrant("f1", "p1", "subsidy"), Firm("f1", "lingbao", 1m, ProjectKind.Green), City, T0)));
        Assert.Equal(BatchOutcome.Invalid, Outcome(Pipeline.Apply(Ok(Pipeline.Create("b2", Call() with { Subsidy = null }, City, T0)), new ApplyForGrant("f1", "p1", "subsidy"), firm, City, T0)));
        Assert.Equal(BatchOutcome.Conflict, Outcome(Pipeline.Apply(Ok(Pipeline.Close(b, City, T0)), new ApplyForGrant("f1", "p1", "subsidy"), firm, City, T0)));

        var later = T0.AddHours(1);
        var step = Pipeline.Apply(b, new ApplyForGrant("f1", "p1", "subsidy", null, "申请"), firm, Agent("lingbao"), later);
        var a = Ok(step).Find(1)!;
        Assert.Equal(1, step.ApplicationId);
        Assert.Equal(("f1", "企业f1", "lingbao", "p1", "设备升级", ProjectKind.Technical, GrantClass.Subsidy), (a.EnterpriseId, a.EnterpriseName, a.CountyId, a.ProjectId, a.ProjectName, a.ProjectKind, a.Class));
        Assert.Equal((4_000_000m, 1_000_000m, 300_000m, 300_000m, ReviewStage.CountyCheck, ApplicationStatus.Pending, later), (a.TotalInvestment, a.CompletedInWindow, a.Requested, a.Amount, a.Stage, a.Status, a.AppliedAt));
        var h = Assert.Single(a.History);
        Assert.Equal((HistoryAction.Applied, "lingbao-agent", "county:lingbao", "申请", 300_000m, later), (h.Action, h.Actor, h.Role, h.Note, h.Amount, h.At));
        Assert.Equal((2L, later), (step.Next!.Version, step.Next.UpdatedAt));
        Assert.Equal(BatchOutcome.Conflict, Outcome(Pipeline.Apply(step.Next, new ApplyForGrant("f1", "p1", "subsidy"), firm, City, T0))); // once per batch
        var reward = Ok(Pipeline.Apply(step.Next, new ApplyForGrant("f2", "p1", "reward", "smart-workshop"), Firm("f2", "yima", 10m), City, T0)).Find(2)!;
        Assert.Equal((RewardResult.SmartWorkshop, 300_000m), (reward.Result!.Value, reward.Requested));
    }

    [Fact]
    public void Stages_go_in_order_and_each_is_decided_by_its_county_or_the_city()
    {
        var b = WithApplications(Batch(), Firm("f1", "lingbao", 1_000_000m));
        Assert.Equal(BatchOutcome.NotFound, Outcome(Decide(b, 9, ReviewStage.CountyCheck, "approve")));
        Assert.Equal(BatchOutcome.Conflict, Outcome(Decide(b, 1, ReviewStage.CountyRecommendation, "approve")));
        Assert.Equal(BatchOutcome.Forbidden, Outcome(Decide(b, 1, ReviewStage.CountyCheck, "approve", Agent("mianchi"))));
        b = Ok(Decide(b, 1, ReviewStage.CountyCheck, "approve", Agent("lingbao")));
        Assert.Equal((ReviewStage.CountyRecommendation, 3L), (b.Find(1)!.Stage, b.Version));
        b = Ok(Decide(b, 1, ReviewStage.CountyRecommendation, "approve", Agent("lingbao"), note: "联审通过"));
        Assert.Equal(BatchOutcome.Forbidden, Outcome(Decide(b, 1, ReviewStage.EquipmentVerification, "approve", Agent("lingbao"))));
        var approved = b.Find(1)!.History[^1];
        Assert.Equal((HistoryAction.Approved, ReviewStage.CountyRecommendation, "联审通过", 300_000m), (approved.Action, approved.Stage, approved.Note, approved.Amount));

        Assert.Equal(["decision", "stage"], Fields(Pipeline.Decide(b, new DecideApplication(1, "nowhere", "maybe", null), City, T0)));
        Assert.Equal(["note"], Fields(Decide(b, 1, ReviewStage.EquipmentVerification, "decline")));
        Assert.Equal(["note"], Fields(Decide(b, 1, ReviewStage.EquipmentVerification, "return", note: " ")));
        Assert.Equal(["amount", "score"], Fields(Decide(b, 1, ReviewStage.EquipmentVerification, "decline", note: "x", amount: 1m, score: 1m)));
        Assert.Equal(["returnTo"], Fields(Decide(b, 1, ReviewStage.EquipmentVerification, "approve", returnTo: "county-check")));
        Assert.Equal(["returnTo"], Fields(Decide(b, 1, ReviewStage.EquipmentVerification, "return", note: "x", returnTo: "expert-panel")));
        Assert.Equal(["score"], Fields(Decide(b, 1, ReviewStage.EquipmentVerification, "approve", score: 80m)));
        Assert.Equal(["amount"], Fields(Decide(b, 1, ReviewStage.EquipmentVerification, "approve", amount: 300_000.01m)));
        Assert.Equal(["amount"], Fields(Decide(b, 1, ReviewStage.EquipmentVerification, "approve", amount: 0m)));
        Assert.Null(Decide(b, 1, ReviewStage.EquipmentVerification, "approve", amount: 300_000m).Failure);
        var lowered = Ok(Decide(b, 1, ReviewStage.EquipmentVerification, "approve", amount: 250_000m));
        Assert.Equal((250_000m, ReviewStage.ExpertRecheck), (lowered.Find(1)!.Amount, lowered.Find(1)!.Stage));

        b = Advance(lowered, 1, ReviewStage.ExpertPanel);
        Assert.Equal(["score"], Fields(Decide(b, 1, ReviewStage.ExpertPanel, "approve")));
        foreach (var score in new[] { -0.01m, 100.01m, 80.001m })
            Assert.Equal(["score"], Fields(Decide(b, 1, ReviewStage.ExpertPanel, "approve", score: score)));
        Assert.Null(Decide(b, 1, ReviewStage.ExpertPanel, "approve", score: 100m).Failure);
        Assert.Null(Decide(b, 1, ReviewStage.ExpertPanel, "approve", score: 0m).Failure);
    }

    [Fact]
    public void Under_a_cap_recommendations_wait_in_rank_order_and_are_funded_as_money_frees_up()
    {
        var b = WithApplications(Batch(budget: 1_000_000m), Firm("f1", "lingbao", 1_000_000m), Firm("f2", "lingbao", 1_000_000m),
            Firm("f3", "lingbao", 1_000_000m), Firm("f4", "yima", 1_000_000m), Firm("f5", "yima", 1_000_000m));
        for (var id = 1; id <= 5; id++) b = Advance(b, id, ReviewStage.ExpertPanel);
        // 30 万 each against 100 万: the first three recommended fit; the later ones wait, whatever their scores.
        for (var id = 1; id <= 5; id++) b = Ok(Decide(b, id, ReviewStage.ExpertPanel, "approve", score: 60m + id, at: T0.AddMinutes(id)));
        Assert.Equal(900_000m, Pipeline.Committed(b));
        Assert.Equal([true, true, true, false, false], b.Applications.Select(a => a.Funded));
        Assert.Equal([5, 4], Pipeline.Waiting(b).Select(a => a.Id));
        Assert.Equal(HistoryAction.WaitListed, b.Find(4)!.History[^1].Action);
        Assert.StartsWith("recommended, not funded: 100000", b.Find(5)!.History[^1].Note);
        Assert.Equal((ReviewStage.SpecialAudit, ApplicationStatus.Pending, 61m, T0.AddMinutes(1)), (b.Find(1)!.Stage, b.Find(1)!.Status, b.Find(1)!.Score, b.Find(1)!.RecommendedAt));
        Assert.Equal(BatchOutcome.Conflict, Outcome(Decide(b, 4, ReviewStage.SpecialAudit, "approve")));
        Assert.Equal("on the waiting list", Pipeline.Where(b.Find(4)!));

        // The audit cuts application 1 by 20 万: 30 万 are free, and the head of the list (5, scored highest) is funded.
        b = Ok(Decide(b, 1, ReviewStage.SpecialAudit, "approve", amount: 100_000m));
        Assert.Equal((true, false, 1_000_000m), (b.Find(5)!.Funded, b.Find(4)!.Funded, Pipeline.Committed(b)));
        Assert.Equal(HistoryAction.Funded, b.Find(5)!.History[^1].Action);
        // A decline releases its money to the next in line.
        b = Ok(Decide(b, 2, ReviewStage.SpecialAudit, "decline", note: "不符合条件"));
        Assert.Equal((ApplicationStatus.Declined, false, true), (b.Find(2)!.Status, b.Find(2)!.Funded, b.Find(4)!.Funded));
        Assert.Equal(BatchOutcome.Conflict, Outcome(Decide(b, 2, ReviewStage.SpecialAudit, "approve")));

        Assert.Equal(BatchOutcome.Forbidden, Outcome(Pipeline.SetBudget(b, 2_000_000m, Agent("yima"), T0)));
        Assert.Equal(BatchOutcome.Conflict, Outcome(Pipeline.SetBudget(b, 999_999m, City, T0)));
        Assert.Equal(BatchOutcome.Unchanged, Outcome(Pipeline.SetBudget(b, 1_000_000m, City, T0)));
        Assert.Equal(["budget"], Fields(Pipeline.SetBudget(b, -5m, City, T0)));
        Assert.Null(Ok(Pipeline.SetBudget(b, null, City, T0)).Call.Budget);
        Assert.Equal(1_000_000m, Ok(Pipeline.SetBudget(b, 1_000_000m + 0.01m, City, T0)).Call.Budget - 0.01m);
    }

    [Fact]
    public void Uncapped_every_recommendation_is_funded_at_once()
    {
        var b = WithApplications(Batch(), Firm("f1", "lingbao", 1_000_000m), Firm("f2", "yima", 2_000_000m));
        for (var id = 1; id <= 2; id++) b = Ok(Decide(Advance(b, id, ReviewStage.ExpertPanel), id, ReviewStage.ExpertPanel, "approve", score: 70m));
        Assert.Equal((true, true, 800_000m), (b.Find(1)!.Funded, b.Find(2)!.Funded, Pipeline.Committed(b)));
        Assert.Equal(HistoryAction.Approved, b.Find(2)!.History[^1].Action); // just recommended: no "funded from the waiting list" line
    }

    [Fact]
    public void The_notice_window_holds_approvals_back_and_an_objection_within_it_goes_back_to_the_panel()
    {
        var b = WithApplications(Batch(budget: 2_000_000m), Firm("f1", "etdz", 1_000_000m));
        b = Ok(Decide(Advance(b, 1, ReviewStage.ExpertPanel), 1, ReviewStage.ExpertPanel, "approve", score: 90m));
        b = Ok(Decide(b, 1, ReviewStage.SpecialAudit, "approve"));
        Assert.Equal(ReviewStage.PublicNotice, b.Find(1)!.Stage);
        Assert.Equal(BatchOutcome.Conflict, Outcome(Decide(b, 1, ReviewStage.PublicNotice, "approve"))); // not yet published

        Assert.Equal(BatchOutcome.Forbidden, Outcome(Pipeline.Publish(b, new PublishNotice(T0.AddDays(7), null), Agent("etdz"), T0)));
        Assert.Equal(["until"], Fields(Pipeline.Publish(b, new PublishNotice(null, null), City, T0)));
        Assert.Equal(["until"], Fields(Pipeline.Publish(b, new PublishNotice(T0, null), City, T0)));
        Assert.Equal(["until"], Fields(Pipeline.Publish(b, new PublishNotice(T0.AddDays(60).AddSeconds(1), null), City, T0)));
        Assert.Null(Pipeline.Publish(b, new PublishNotice(T0.AddDays(60), null), City, T0).Failure);
        var until = T0.AddDays(7);
        var published = Pipeline.Publish(b, new PublishNotice(until, "公示7天"), City, T0);
        Assert.Equal([1], published.Affected!);
        b = Ok(published);
        Assert.Equal((until, HistoryAction.Noticed, until), (b.Find(1)!.NoticeUntil, b.Find(1)!.History[^1].Action, b.Find(1)!.History[^1].Until));
        Assert.Equal(BatchOutcome.Conflict, Outcome(Pipeline.Publish(b, new PublishNotice(until, null), City, T0))); // nothing left to publish

        Assert.Equal(BatchOutcome.Conflict, Outcome(Decide(b, 1, ReviewStage.PublicNotice, "approve", at: until.AddSeconds(-1))));
        Assert.Equal(["reason"], Fields(Pipeline.Object(b, new RaiseObjection(1, "某企业", " "), Agent("lushi"), T0)));
        Assert.Equal(BatchOutcome.NotFound, Outcome(Pipeline.Object(b, new RaiseObjection(7, null, "x"), City, T0)));
        Assert.Equal(BatchOutcome.Conflict, Outcome(Pipeline.Object(b, new RaiseObjection(1, null, "迟到"), City, until)));
        var objected = Ok(Pipeline.Object(b, new RaiseObjection(1, "同行企业", "设备为租赁"), Agent("lushi"), until.AddSeconds(-1))).Find(1)!;
        Assert.Equal((ReviewStage.ExpertPanel, ApplicationStatus.Pending, false, (decimal?)null, (DateTimeOffset?)null, (DateTimeOffset?)null),
            (objected.Stage, objected.Status, objected.Funded, objected.Score, objected.NoticeUntil, objected.RecommendedAt));
        Assert.Equal(("同行企业: 设备为租赁", HistoryAction.Objected, ReviewStage.ExpertPanel), (objected.History[^1].Note, objected.History[^1].Action, objected.History[^1].ReturnTo));
        Assert.Equal("设备为租赁", Ok(Pipeline.Object(b, new RaiseObjection(1, null, "设备为租赁"), City, T0)).Find(1)!.History[^1].Note);
        Assert.Equal(BatchOutcome.Conflict, Outcome(Pipeline.Object(WithApplications(Batch(), Firm("f9", "etdz", 1m)), new RaiseObjection(1, null, "x"), City, T0)));

        var closed = Ok(Decide(b, 1, ReviewStage.PublicNotice, "approve", at: until));
        Assert.Equal((ReviewStage.Award, ApplicationStatus.Pending), (closed.Find(1)!.Stage, closed.Find(1)!.Status));
    }

    [Fact]
    public void Awards_are_made_by_the_city_recorded_for_the_firm_and_paid_in_instalments()
    {
        var b = WithApplications(Batch(), Firm("f1", "lingbao", 1_000_000m), Firm("f2", "yima", 1_000_000m), Firm("f3", "yima", 1_000_000m));
        for (var id = 1; id <= 3; id++)
        {
            b = Ok(Decide(Advance(b, id, ReviewStage.ExpertPanel), id, ReviewStage.ExpertPanel, "approve", score: 80m));
            b = Ok(Decide(b, id, ReviewStage.SpecialAudit, "approve"));
        }
        b = Ok(Pipeline.Publish(b, new PublishNotice(T0.AddDays(5), null), City, T0));
        var after = T0.AddDays(5);
        for (var id = 1; id <= 2; id++) b = Ok(Decide(b, id, ReviewStage.PublicNotice, "approve", at: after));

        Assert.Equal(BatchOutcome.Forbidden, Outcome(Pipeline.Award(b, new AwardApplications(null, null), Agent("yima"), after)));
        Assert.Equal(BatchOutcome.Conflict, Outcome(Pipeline.Award(b, new AwardApplications([1, 3], null), City, after))); // 3 is still on notice
        Assert.Equal(BatchOutcome.Conflict, Outcome(Pipeline.Award(b, new AwardApplications([8], null), City, after)));
        var one = Pipeline.Award(b, new AwardApplications([1, 1], "下达"), City, after);
        Assert.Equal([1], one.Affected!);
        var a1 = Ok(one).Find(1)!;
        Assert.Equal((ReviewStage.Disbursement, ApplicationStatus.Awarded, 300_000m, M(2022, 9), HistoryAction.Awarded), (a1.Stage, a1.Status, a1.Awarded, a1.AwardedMonth!.Value, a1.History[^1].Action));
        Assert.Equal([1], one.Next!.GrantsToRecord);
        var all = Ok(Pipeline.Award(b, new AwardApplications(null, null), City, after));
        Assert.Equal([1, 2], all.GrantsToRecord);
        Assert.Equal(BatchOutcome.Conflict, Outcome(Pipeline.Award(all, new AwardApplications(null, null), City, after))); // none left
        Assert.Equal(BatchOutcome.Conflict, Outcome(Decide(all, 1, ReviewStage.Disbursement, "decline", note: "x")));
        Assert.Equal(BatchOutcome.Conflict, Outcome(Decide(all with { }, 1, ReviewStage.Disbursement, "return", note: "x")));
        // The award stage's own approval awards one application too.
        var byDecision = Ok(Decide(b, 2, ReviewStage.Award, "approve", amount: 200_000m, at: after)).Find(2)!;
        Assert.Equal((ApplicationStatus.Awarded, 200_000m), (byDecision.Status, byDecision.Awarded));

        Assert.Equal(BatchOutcome.Forbidden, Outcome(Pipeline.Disburse(all, new Disburse(1, null, null), Agent("lingbao"), after)));
        Assert.Equal(BatchOutcome.NotFound, Outcome(Pipeline.Disburse(all, new Disburse(9, null, null), City, after)));
        Assert.Equal(BatchOutcome.Conflict, Outcome(Pipeline.Disburse(all, new Disburse(3, null, null), City, after)));
        Assert.Equal(BatchOutcome.Invalid, Outcome(Pipeline.Disburse(all, new Disburse(1, 300_000.01m, null), City, after)));
        Assert.Equal(["amount"], Fields(Pipeline.Disburse(all, new Disburse(1, 0m, null), City, after)));
        var part = Ok(Pipeline.Disburse(all with { GrantsToRecord = [] }, new Disburse(1, 100_000m, "首期"), City, after));
        Assert.Equal((100_000m, ApplicationStatus.Awarded, HistoryAction.Disbursed, 100_000m), (part.Find(1)!.Disbursed, part.Find(1)!.Status, part.Find(1)!.History[^1].Action, part.Find(1)!.History[^1].Amount));
        Assert.Equal([1], part.GrantsToRecord);
        var rest = Ok(Decide(part, 1, ReviewStage.Disbursement, "approve", note: "余款", at: after));
        Assert.Equal((300_000m, ApplicationStatus.Disbursed), (rest.Find(1)!.Disbursed, rest.Find(1)!.Status));
        Assert.Equal("awarded and paid in full", Pipeline.Where(rest.Find(1)!));
        Assert.Equal(BatchOutcome.Conflict, Outcome(Pipeline.Disburse(rest, new Disburse(1, null, null), City, after)));
        Assert.Equal(BatchOutcome.Conflict, Outcome(Decide(rest, 1, ReviewStage.Disbursement, "approve", at: after)));
        var whole = Ok(Pipeline.Disburse(all, new Disburse(2, null, null), City, after)).Find(2)!;
        Assert.Equal((300_000m, ApplicationStatus.Disbursed), (whole.Disbursed, whole.Status));
        Assert.Equal("awarded", Pipeline.Where(all.Find(2)!));
    }

    [Fact]
    public void A_return_sends_the_application_back_for_revision_and_the_county_resubmits_it()
    {
        var firm = Firm("f1", "mianchi", 1_000_000m);
        var b = WithApplications(Batch(budget: 5_000_000m), firm);
        b = Ok(Decide(Advance(b, 1, ReviewStage.ExpertPanel), 1, ReviewStage.ExpertPanel, "approve", score: 80m));
        var returned = Ok(Decide(b, 1, ReviewStage.SpecialAudit, "return", note: "请补充设备验收报告", returnTo: "county-check"));
        var r = returned.Find(1)!;
        Assert.Equal((ReviewStage.CountyCheck, ApplicationStatus.Returned, false, (decimal?)null), (r.Stage, r.Status, r.Funded, r.Score));
        Assert.Equal((HistoryAction.Returned, ReviewStage.CountyCheck), (r.History[^1].Action, r.History[^1].ReturnTo));
        Assert.Equal(0m, Pipeline.Committed(returned));
        Assert.Equal("returned for revision (to re-enter at county-check)", Pipeline.Where(r));
        Assert.Equal(BatchOutcome.Conflict, Outcome(Decide(returned, 1, ReviewStage.CountyCheck, "approve")));
        Assert.Equal(BatchOutcome.Conflict, Outcome(Decide(returned, 1, ReviewStage.CountyCheck, "return", note: "x")));
        // Returned to a stage after the panel, the recommendation and its money stand.
        var toAudit = Ok(Decide(b, 1, ReviewStage.SpecialAudit, "return", note: "补材料", returnTo: "special-audit")).Find(1)!;
        Assert.Equal((true, 80m), (toAudit.Funded, toAudit.Score!.Value));
        Assert.Equal(ReviewStage.CountyCheck, Ok(Decide(b, 1, ReviewStage.SpecialAudit, "return", note: "补材料")).Find(1)!.Stage);

        Assert.Equal(BatchOutcome.NotFound, Outcome(Pipeline.Resubmit(returned, new ResubmitApplication(5, null), firm, City, T0)));
        Assert.Equal(BatchOutcome.Forbidden, Outcome(Pipeline.Resubmit(returned, new ResubmitApplication(1, null), firm, Agent("lingbao"), T0)));
        Assert.Equal(BatchOutcome.Conflict, Outcome(Pipeline.Resubmit(b, new ResubmitApplication(1, null), firm, City, T0)));
        Assert.Equal(BatchOutcome.Conflict, Outcome(Pipeline.Resubmit(returned, new ResubmitApplication(1, null), null, City, T0)));
        Assert.Equal(BatchOutcome.Conflict, Outcome(Pipeline.Resubmit(returned, new ResubmitApplication(1, null), firm with { Projects = [] }, City, T0)));
        Assert.Equal(BatchOutcome.Conflict, Outcome(Pipeline.Resubmit(returned, new ResubmitApplication(1, null), Firm("f1", "mianchi", 1m, status: ProjectStatus.Planned), City, T0)));
        Assert.Equal(["note"], Fields(Pipeline.Resubmit(returned, new ResubmitApplication(1, new string('长', 2001)), firm, City, T0)));
        var revised = Firm("f1", "mianchi", 600_000m) with { Name = "新名称" };
        var again = Ok(Pipeline.Resubmit(returned, new ResubmitApplication(1, "已补充"), revised, Agent("mianchi"), T0)).Find(1)!;
        Assert.Equal((ApplicationStatus.Pending, ReviewStage.CountyCheck, 180_000m, 180_000m, 600_000m, 2_400_000m, "新名称"),
            (again.Status, again.Stage, again.Requested, again.Amount, again.CompletedInWindow, again.TotalInvestment, again.EnterpriseName));
        Assert.Equal(HistoryAction.Resubmitted, again.History[^1].Action);
        // Still funded (returned to the audit): the amount never rises above what was approved.
        var audit = Ok(Decide(b, 1, ReviewStage.SpecialAudit, "return", note: "补", returnTo: "special-audit"));
        var bigger = Ok(Pipeline.Resubmit(audit, new ResubmitApplication(1, null), Firm("f1", "mianchi", 1_500_000m), City, T0)).Find(1)!;
        Assert.Equal((450_000m, 300_000m), (bigger.Requested, bigger.Amount));
    }

    [Fact]
    public void Closing_stops_applications_once_and_roles_read_as_the_history_says()
    {
        var b = Batch();
        Assert.Equal(BatchOutcome.Forbidden, Outcome(Pipeline.Close(b, Agent("yima"), T0)));
        var closed = Ok(Pipeline.Close(b, City, T0));
        Assert.False(closed.Accepting);
        Assert.Equal(2L, closed.Version);
        Assert.Equal(BatchOutcome.Unchanged, Outcome(Pipeline.Close(closed, City, T0)));
        Assert.Equal("county:yima", Pipeline.Role(Agent("yima")));
        Assert.Equal("city", Pipeline.Role(City));
        Assert.Equal("system", Pipeline.Role(new ChangeContext("system", "api")));
        Assert.Equal("system", Pipeline.Role(new ChangeContext("x", "seed")));
        Assert.Equal("system", Pipeline.Role(new ChangeContext("x", "simulation")));
        Assert.True(Pipeline.IsCountyStage(ReviewStage.CountyRecommendation));
        Assert.False(Pipeline.IsCountyStage(ReviewStage.EquipmentVerification));
        var declined = Ok(Decide(WithApplications(Batch(), Firm("f1", "lingbao", 1m)), 1, ReviewStage.CountyCheck, "decline", note: "不符"));
        Assert.Equal("declined", Pipeline.Where(declined.Find(1)!));
        Assert.Equal("at county-check", Pipeline.Where(WithApplications(Batch(), Firm("f1", "lingbao", 1m)).Find(1)!));
    }
}
