using Programme.Commands;
using Programme.Domain;
using Programme.Grains.Grants;
using Programme.Grants;

namespace Programme.Tests.Rules;

/// <summary>
/// What the pipeline tells a person who may not do something: the field and the sentence of every refusal (they reach
/// the screen as problem+json), and the boundaries of the money rules.
/// </summary>
public sealed class PipelineMessagesTests
{
    private static readonly DateTimeOffset T0 = new(2022, 9, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly ChangeContext City = new("city-staff", "test");
    private static ChangeContext Agent(string county) => new($"{county}-agent", "test", null, county);
    private static YearMonth M(int y, int m) => new(y, m);

    private static Enterprise Firm(string id, string county, decimal invested) => new()
    {
        Id = id, Name = $"企业{id}", CountyId = county, Sector = "equipment", AboveScale = true,
        Projects = [new() { Id = "p1", Name = "设备升级", Kind = ProjectKind.Technical, Status = ProjectStatus.Underway, TotalInvestment = invested * 4,
            StartMonth = M(2022, 1), EndMonth = M(2023, 6), Monthly = [new(M(2022, 3), invested)] }],
    };

    private static CreateBatch Call(decimal? budget = null) => new("测试批次", "2022-01", "2022-08", ["technical", "intelligent"],
        new SubsidyTerms(0.3m, 500_000m), new Dictionary<string, decimal?> { ["smart-workshop"] = 300_000m, ["green-factory"] = 500_000m }, budget);

    private static FundingBatch Batch(decimal? budget = null) => Pipeline.Create("b1", Call(budget), City, T0).Next!;

    /// <summary>"field: message" for a refusal naming a field, else its detail.</summary>
    private static string Says(Pipeline.Step step)
    {
        Assert.NotNull(step.Failure);
        return step.Failure!.Errors.Count > 0
            ? string.Join("; ", step.Failure.Errors.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}: {string.Join(" | ", e.Value)}"))
            : step.Failure.Detail!;
    }

    private static FundingBatch Ok(Pipeline.Step step)
    {
        Assert.True(step.Failure is null, step.Failure is null ? "" : Says(step));
        return step.Next!;
    }

    private static Pipeline.Step Decide(FundingBatch b, int id, string stage, string decision, ChangeContext? who = null, string? note = null,
        decimal? amount = null, decimal? score = null, string? returnTo = null, DateTimeOffset? at = null) =>
        Pipeline.Decide(b, new DecideApplication(id, stage, decision, note, amount, score, returnTo), who ?? City, at ?? T0);

    private static FundingBatch Apply(FundingBatch b, params Enterprise[] firms)
    {
        foreach (var f in firms) b = Ok(Pipeline.Apply(b, new ApplyForGrant(f.Id, "p1", "subsidy"), f, City, T0));
        return b;
    }

    private static readonly string[] Before = ["county-check", "county-recommendation", "equipment-verification", "expert-recheck"];

    private static FundingBatch ToPanel(FundingBatch b, int id)
    {
        foreach (var s in Before) b = Ok(Decide(b, id, s, "approve"));
        return b;
    }

    [Fact]
    public void Opening_a_batch()
    {
        Assert.Equal("Only city staff open a funding batch.", Says(Pipeline.Create("b1", Call(), Agent("yima"), T0)));
        Assert.Equal("id: must be 1–64 characters of A–Z, a–z, 0–9, '_' or '-'", Says(Pipeline.Create("bad id", Call(), City, T0)));
        Assert.Equal("windowTo: must not be before windowFrom", Says(Pipeline.Create("b1", Call() with { WindowFrom = "2022-08", WindowTo = "2022-01" }, City, T0)));
        Assert.Equal("kinds: name at least one project kind: intelligent, green, technical", Says(Pipeline.Create("b1", Call() with { Kinds = [] }, City, T0)));
        Assert.Equal("kinds: 'weather' is not a project kind; use intelligent, green, technical", Says(Pipeline.Create("b1", Call() with { Kinds = ["weather"] }, City, T0)));
        Assert.Equal("subsidy.rate: is required (a fraction 0–1 of the investment completed in the window)", Says(Pipeline.Create("b1", Call() with { Subsidy = new(null, null) }, City, T0)));
        Assert.Equal("subsidy.rate: must be greater than 0 and at most 1", Says(Pipeline.Create("b1", Call() with { Subsidy = new(2m, null) }, City, T0)));
        Assert.Equal("subsidy.rate: must have at most 4 decimal places", Says(Pipeline.Create("b1", Call() with { Subsidy = new(0.12345m, null) }, City, T0)));
        Assert.Equal("subsidy.cap: must be greater than 0", Says(Pipeline.Create("b1", Call() with { Subsidy = new(0.3m, 0m) }, City, T0)));
        var medal = Pipeline.Create("b1", Call() with { Rewards = new() { ["medal"] = 0m } }, City, T0);
        Assert.StartsWith("rewards: 'medal' is not a result the reward class pays for; use smart-factory, smart-workshop, green-factory", Says(medal));
        Assert.Equal(["rewards"], [.. medal.Failure!.Errors.Keys]); // an unknown result's amount is not checked further
        Assert.Equal("subsidy: offer at least one class: subsidy (a rate) or rewards (amounts per result)", Says(Pipeline.Create("b1", Call() with { Subsidy = null, Rewards = null }, City, T0)));
        Assert.Equal("budget: must be greater than 0", Says(Pipeline.SetBudget(Batch(), 0m, City, T0)));
        Assert.Equal("City staff set the budget.", Says(Pipeline.SetBudget(Batch(), 1m, Agent("yima"), T0)));
        Assert.Equal("City staff close a batch to applications.", Says(Pipeline.Close(Batch(), Agent("yima"), T0)));
    }

    [Fact]
    public void Applying()
    {
        var b = Batch();
        var f1 = Firm("f1", "lingbao", 1_000_000m);
        Assert.Equal("class: is required; enterpriseId: is required; projectId: is required", Says(Pipeline.Apply(b, new ApplyForGrant(null, null, null), null, City, T0)));
        Assert.Equal("enterpriseId: must be 1–64 characters of A–Z, a–z, 0–9, '_' or '-'", Says(Pipeline.Apply(b, new ApplyForGrant("bad id", "p1", "subsidy"), null, City, T0)));
        Assert.Equal("result: goes only with the reward class", Says(Pipeline.Apply(b, new ApplyForGrant("f1", "p1", "subsidy", "smart-workshop"), f1, City, T0)));
        Assert.Equal("A county agent applies only for firms of their own county; this firm is in lingbao.", Says(Pipeline.Apply(b, new ApplyForGrant("f1", "p1", "subsidy"), f1, Agent("yima"), T0)));
        Assert.Equal("batch: this batch no longer takes applications", Says(Pipeline.Apply(Ok(Pipeline.Close(b, City, T0)), new ApplyForGrant("f1", "p1", "subsidy"), f1, City, T0)));
        Assert.Equal("projectId: no project 'p9' of enterprise 'f1'", Says(Pipeline.Apply(b, new ApplyForGrant("f1", "p9", "subsidy"), f1, City, T0)));
        var one = Apply(b, f1);
        Assert.Equal("projectId: this project already applied in this batch (application 1); a project applies once per batch", Says(Pipeline.Apply(one, new ApplyForGrant("f1", "p1", "subsidy"), f1, City, T0)));
        Assert.Equal("class: this batch does not offer the subsidy class", Says(Pipeline.Apply(Ok(Pipeline.Create("b2", Call() with { Subsidy = null }, City, T0)), new ApplyForGrant("f1", "p1", "subsidy"), f1, City, T0)));
        Assert.Equal("result: this batch rewards only: smart-workshop, green-factory", Says(Pipeline.Apply(b, new ApplyForGrant("f1", "p1", "reward", "smart-factory"), f1, City, T0)));
        var full = b with { Applications = [.. Enumerable.Range(1, Pipeline.MaxApplications).Select(i => one.Find(1)! with { Id = i, EnterpriseId = $"x{i}" })] };
        Assert.Equal("batch: a batch holds at most 5000 applications", Says(Pipeline.Apply(full, new ApplyForGrant("f1", "p1", "subsidy"), f1, City, T0)));
        var almost = b with { Applications = full.Applications[1..] };
        Assert.Equal(5000, Ok(Pipeline.Apply(almost, new ApplyForGrant("f1", "p1", "subsidy"), f1, City, T0)).Applications.Length);
    }

    [Fact]
    public void Deciding()
    {
        var b = Apply(Batch(budget: 1_000_000m), Firm("f1", "lingbao", 1_000_000m));
        Assert.Equal("No application 9 in batch b1.", Says(Decide(b, 9, "county-check", "approve")));
        Assert.Equal("The county-check stage is decided by the county of the firm (lingbao) or city staff.", Says(Decide(b, 1, "county-check", "approve", Agent("yima"))));
        Assert.Equal("stage: application 1 is at county-check, not at county-recommendation", Says(Decide(b, 1, "county-recommendation", "approve")));
        Assert.Equal("note: is required: say why (it is kept in the application's history)", Says(Decide(b, 1, "county-check", "decline")));
        Assert.Equal("amount: goes only with an approval", Says(Decide(b, 1, "county-check", "decline", note: "x", amount: 1m)));
        Assert.Equal("score: goes only with an approval", Says(Decide(b, 1, "county-check", "decline", note: "x", score: 1m)));
        Assert.Equal("returnTo: goes only with a return", Says(Decide(b, 1, "county-check", "approve", returnTo: "county-check")));
        Assert.Equal("returnTo: goes only with a return", Says(Decide(b, 1, "county-check", "approve", returnTo: "expert-panel")));
        Assert.StartsWith("returnTo: must be one of: county-check,", Says(Decide(b, 1, "county-check", "return", note: "x", returnTo: "nowhere")));
        Assert.Equal("returnTo: must be this stage or an earlier one", Says(Decide(b, 1, "county-check", "return", note: "x", returnTo: "county-recommendation")));
        Assert.Equal("score: only the expert panel scores", Says(Decide(b, 1, "county-check", "approve", score: 50m)));
        Assert.StartsWith("amount: may only lower the amount, which stands at 300000", Says(Decide(b, 1, "county-check", "approve", amount: 400_000m)));
        b = Ok(Decide(b, 1, "county-check", "approve"));
        b = Ok(Decide(b, 1, "county-recommendation", "approve"));
        Assert.Equal("The equipment-verification stage is decided by city staff.", Says(Decide(b, 1, "equipment-verification", "approve", Agent("lingbao"))));
        b = ToPanel(Apply(Batch(budget: 1_000_000m), Firm("f1", "lingbao", 1_000_000m)), 1);
        Assert.Equal("score: is required when the expert panel approves (0–100)", Says(Decide(b, 1, "expert-panel", "approve")));
        Assert.Equal("score: must be between 0 and 100", Says(Decide(b, 1, "expert-panel", "approve", score: 101m)));
        Assert.Equal("score: must have at most 2 decimal places", Says(Decide(b, 1, "expert-panel", "approve", score: 80.125m)));
        Assert.Equal(ApplicationStatus.Declined, Ok(Decide(b, 1, "expert-panel", "decline", note: "不推荐")).Find(1)!.Status); // no score needed to decline
    }

    [Fact]
    public void Waiting_returned_notice_and_awarded_applications()
    {
        var firms = Enumerable.Range(1, 4).Select(i => Firm($"f{i}", "mianchi", 1_000_000m)).ToArray();
        var b = Apply(Batch(budget: 900_000m), firms);
        for (var id = 1; id <= 4; id++) b = Ok(Decide(ToPanel(b, id), id, "expert-panel", "approve", score: 80m, at: T0.AddMinutes(id)));
        Assert.Equal("decision: application 4 is on the waiting list: the budget has no room for it yet (decline it, or raise the budget)", Says(Decide(b, 4, "special-audit", "approve")));
        Assert.Equal("decision: application 4 is on the waiting list; only an application under review can be returned", Says(Decide(b, 4, "special-audit", "return", note: "x")));
        Assert.Equal("budget: must not fall below the 900000", Says(Pipeline.SetBudget(b, 899_999m, City, T0))[..38]);
        Assert.Equal(BatchOutcome.Unchanged, Pipeline.SetBudget(b, 900_000m, City, T0).Failure!.Outcome);
        Assert.Equal(900_000m, Ok(Pipeline.SetBudget(b with { Call = b.Call with { Budget = 1_000_000m } }, 900_000m, City, T0)).Call.Budget); // down to exactly what is committed

        // Equal scores: the earlier recommendation, then the lower number, comes first on the list.
        var tie = Apply(Batch(budget: 300_000m), firms);
        tie = Ok(Decide(ToPanel(tie, 1), 1, "expert-panel", "approve", score: 80m, at: T0));
        tie = Ok(Decide(ToPanel(tie, 3), 3, "expert-panel", "approve", score: 70m, at: T0.AddMinutes(1)));
        tie = Ok(Decide(ToPanel(tie, 2), 2, "expert-panel", "approve", score: 70m, at: T0.AddMinutes(2)));
        tie = Ok(Decide(ToPanel(tie, 4), 4, "expert-panel", "approve", score: 70m, at: T0.AddMinutes(1)));
        Assert.Equal([3, 4, 2], Pipeline.Waiting(tie).Select(a => a.Id));
        var freed = Ok(Decide(tie, 1, "special-audit", "decline", note: "撤回"));
        Assert.Equal(("funded from the waiting list as money became available", HistoryAction.Funded), (freed.Find(3)!.History[^1].Note, freed.Find(3)!.History[^1].Action));

        var returned = Ok(Decide(b, 1, "special-audit", "return", note: "补材料"));
        Assert.Equal("decision: application 1 was returned for revision and waits for the applicant to resubmit it", Says(Decide(returned, 1, "county-check", "approve")));
        Assert.Equal("No application 9 in batch b1.", Says(Pipeline.Resubmit(returned, new ResubmitApplication(9, null), firms[0], City, T0)));
        Assert.Equal("Only the firm's county (mianchi) or city staff resubmit its application.", Says(Pipeline.Resubmit(returned, new ResubmitApplication(1, null), firms[0], Agent("yima"), T0)));
        Assert.Equal("applicationId: application 2 is at special-audit; only a returned application is resubmitted", Says(Pipeline.Resubmit(returned, new ResubmitApplication(2, null), firms[1], City, T0)));
        Assert.Equal("projectId: the project is no longer registered", Says(Pipeline.Resubmit(returned, new ResubmitApplication(1, null), null, City, T0)));
        // Lowered before the panel, returned, resubmitted: not funded, so the amount is what the project now asks.
        var lowered = Ok(Decide(Apply(Batch(), firms[0]), 1, "county-check", "approve", amount: 250_000m));
        lowered = Ok(Decide(lowered, 1, "county-recommendation", "return", note: "补", returnTo: "county-check"));
        Assert.Equal(300_000m, Ok(Pipeline.Resubmit(lowered, new ResubmitApplication(1, null), firms[0], City, T0)).Find(1)!.Amount);

        // The notice.
        var n = Apply(Batch(), firms[0], firms[1]);
        n = Ok(Decide(ToPanel(n, 1), 1, "expert-panel", "approve", score: 80m));
        n = Ok(Decide(n, 1, "special-audit", "approve"));
        Assert.Equal("stage: application 1 waits for the public notice to be published", Says(Decide(n, 1, "public-notice", "approve")));
        Assert.Equal("applicationId: application 1 is at public-notice, not on the public notice", Says(Pipeline.Object(n, new RaiseObjection(1, null, "异议"), City, T0)));
        Assert.Equal("applicationId: application 2 is at county-check, not on the public notice", Says(Pipeline.Object(n, new RaiseObjection(2, null, "异议"), City, T0)));
        Assert.Equal("No application 9 in batch b1.", Says(Pipeline.Object(n, new RaiseObjection(9, null, "异议"), City, T0)));
        Assert.Equal("City staff publish the public notice.", Says(Pipeline.Publish(n, new PublishNotice(T0.AddDays(7), null), Agent("mianchi"), T0)));
        Assert.Equal("until: is required: when the objection window closes", Says(Pipeline.Publish(n, new PublishNotice(null, null), City, T0)));
        Assert.Equal("until: must be in the future", Says(Pipeline.Publish(n, new PublishNotice(T0.AddSeconds(-1), null), City, T0)));
        Assert.Equal("until: the objection window may last at most 60 days", Says(Pipeline.Publish(n, new PublishNotice(T0.AddDays(61), null), City, T0)));
        var published = Pipeline.Publish(n, new PublishNotice(T0.AddDays(7), null), City, T0);
        Assert.Equal([1], published.Affected!); // not the one still at the county check
        n = Ok(published);
        Assert.Equal("batch: no application has passed the audit and waits for the notice", Says(Pipeline.Publish(n, new PublishNotice(T0.AddDays(7), null), City, T0)));
        Assert.StartsWith("stage: the objection window of application 1 is open until 2022-09-08 08:00:00Z", Says(Decide(n, 1, "public-notice", "approve")));
        Assert.StartsWith("applicationId: the objection window of application 1 closed at 2022-09-08 08:00:00Z", Says(Pipeline.Object(n, new RaiseObjection(1, null, "迟"), City, T0.AddDays(7))));
        Assert.Equal(["objector"], [.. Pipeline.Object(n, new RaiseObjection(1, new string('名', 201), "异议"), City, T0).Failure!.Errors.Keys]);

        // Awards and payments.
        var after = T0.AddDays(7);
        Assert.Equal("batch: no application waits at the award stage", Says(Pipeline.Award(n, new AwardApplications(null, null), City, after)));
        n = Ok(Decide(n, 1, "public-notice", "approve", at: after));
        Assert.Equal("City staff make the awards.", Says(Pipeline.Award(n, new AwardApplications(null, null), Agent("mianchi"), after)));
        Assert.Equal("applicationIds: no application 8", Says(Pipeline.Award(n, new AwardApplications([8], null), City, after)));
        Assert.Equal("applicationIds: application 2 is at county-check, not waiting at the award stage", Says(Pipeline.Award(n, new AwardApplications([2], null), City, after)));
        var awarded = Ok(Pipeline.Award(n, new AwardApplications(null, null), City, after));
        Assert.Equal("decision: application 1 is awarded; an award is final", Says(Decide(awarded, 1, "disbursement", "decline", note: "x")));
        Assert.Equal("decision: application 1 is awarded; an award is final", Says(Decide(awarded, 1, "disbursement", "return", note: "x")));
        Assert.Equal("City staff pay the awards.", Says(Pipeline.Disburse(awarded, new Disburse(1, null, null), Agent("mianchi"), after)));
        Assert.Equal("No application 9 in batch b1.", Says(Pipeline.Disburse(awarded, new Disburse(9, null, null), City, after)));
        Assert.Equal("applicationId: application 2 is at county-check; only an award still unpaid can be paid", Says(Pipeline.Disburse(awarded, new Disburse(2, null, null), City, after)));
        Assert.Equal(ApplicationStatus.Disbursed, Ok(Pipeline.Disburse(awarded, new Disburse(1, 300_000m, null), City, after)).Find(1)!.Status); // exactly what is unpaid
        var part = Ok(Pipeline.Disburse(awarded, new Disburse(1, 100_000m, null), City, after));
        Assert.Equal([1], part.GrantsToRecord); // already in the outbox: listed once
        Assert.StartsWith("amount: must not exceed the 200000", Says(Pipeline.Disburse(part, new Disburse(1, 200_000.01m, null), City, after)));
        Assert.Equal(300_000m, Ok(Pipeline.Disburse(part, new Disburse(1, 200_000m, null), City, after)).Find(1)!.Disbursed);
    }
}
