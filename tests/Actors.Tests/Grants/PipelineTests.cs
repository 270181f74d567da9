using Programme.Domain;
using Programme.Grains;
using Programme.Grants;
using Programme.Tests.Fixtures;
using static Programme.Tests.Grants.GrantsWorld;

namespace Programme.Tests.Grants;

/// <summary>Every rule of the review pipeline, on the grains: applying, stage order, roles per stage, return, decline, notice, award, payment.</summary>
[Collection(SharedFakeClockCluster.Name)]
public sealed class PipelineTests(FakeClockClusterFixture fixture)
{
    private readonly GrantsWorld _world = new(fixture.Client);

    [Fact]
    public async Task The_amount_asked_follows_the_class_rules_and_ineligible_applications_change_nothing()
    {
        var batch = await _world.Batch();
        var small = await _world.Firm("lingbao", 1_000_000m);
        var big = await _world.Firm("lingbao", 2_500_000m);
        var a = await Apply(batch, small, Agent("lingbao"));
        var b = await Apply(batch, big);
        Assert.Equal(300_000m, (await batch.GetApplication(a))!.Requested);          // 30 % of 100 万
        Assert.Equal(500_000m, (await batch.GetApplication(b))!.Requested);          // 30 % of 250 万 = 75 万, capped at 50 万
        Assert.Equal(1_000_000m, (await batch.GetApplication(a))!.CompletedInWindow);

        var version = (await batch.GetBoard())!.Version;
        var again = await batch.Apply(new ApplyForGrant(small.Firm, small.Project, "subsidy"), City);
        Assert.Equal(BatchOutcome.Conflict, again.Outcome);                           // one project applies once per batch
        Assert.Contains("projectId", again.Errors.Keys);
        var noFirm = await batch.Apply(new ApplyForGrant("no-such-firm", "p1", "subsidy"), City);
        Assert.Equal(BatchOutcome.Invalid, noFirm.Outcome);
        Assert.Contains("enterpriseId", noFirm.Errors.Keys);
        var other = await _world.Firm("lushi", 100_000m);
        var noResult = await batch.Apply(new ApplyForGrant(other.Firm, other.Project, "reward"), City);
        Assert.Contains("result", noResult.Errors.Keys);
        var notHeld = await batch.Apply(new ApplyForGrant(other.Firm, other.Project, "reward", "smart-workshop"), City);
        Assert.Equal(BatchOutcome.Invalid, notHeld.Outcome);                          // the firm holds no smart-workshop certificate
        Assert.Contains("result", notHeld.Errors.Keys);
        var badClass = await batch.Apply(new ApplyForGrant(other.Firm, other.Project, "loan"), City);
        Assert.Contains("class", badClass.Errors.Keys);
        var foreign = await batch.Apply(new ApplyForGrant(other.Firm, other.Project, "subsidy"), Agent("lingbao"));
        Assert.Equal(BatchOutcome.Forbidden, foreign.Outcome);                       // a county agent applies only in their county

        var outside = await _world.Firm("lushi", 100_000m);
        var firm = fixture.Client.GetGrain<IEnterpriseGrain>(outside.Firm);
        await firm.ReportProgress(new Commands.ReportProgress(outside.Project, "2022-03", 0m), City);
        var nothingInWindow = await batch.Apply(new ApplyForGrant(outside.Firm, outside.Project, "subsidy"), City);
        Assert.Equal(BatchOutcome.Invalid, nothingInWindow.Outcome);
        Assert.Contains("projectId", nothingInWindow.Errors.Keys);

        var board = (await batch.GetBoard())!;
        Assert.Equal(version, board.Version);
        Assert.Equal((2, 800_000m), (board.Applications, board.Requested));
    }

    [Fact]
    public async Task Stages_go_in_order_and_a_decision_for_another_stage_is_refused()
    {
        var batch = await _world.Batch();
        var id = await Apply(batch, await _world.Firm("mianchi", 500_000m));
        Assert.Equal(BatchOutcome.Accepted, (await Decide(batch, id, ReviewStage.CountyCheck, "approve", Agent("mianchi"))).Outcome);
        var stale = await Decide(batch, id, ReviewStage.CountyCheck, "approve", Agent("mianchi"));
        Assert.Equal(BatchOutcome.Conflict, stale.Outcome);                          // someone already approved it
        Assert.Contains("stage", stale.Errors.Keys);
        var skip = await Decide(batch, id, ReviewStage.ExpertPanel, "approve", City, score: 90m);
        Assert.Equal(BatchOutcome.Conflict, skip.Outcome);
        Assert.Equal(BatchOutcome.Accepted, (await Decide(batch, id, ReviewStage.CountyRecommendation, "approve", Agent("mianchi"))).Outcome);
        Assert.Equal(ReviewStage.EquipmentVerification, (await batch.GetApplication(id))!.Stage);

        var bad = await batch.Decide(new DecideApplication(id, "equipment-check", "maybe", null), City);
        Assert.Equal(BatchOutcome.Invalid, bad.Outcome);
        Assert.Equal(["decision", "stage"], bad.Errors.Keys.Order());
        await Advance(batch, id, ReviewStage.ExpertPanel);
        var unscored = await Decide(batch, id, ReviewStage.ExpertPanel, "approve", City);
        Assert.Contains("score", unscored.Errors.Keys);                              // the panel must score
        var higher = await Decide(batch, id, ReviewStage.ExpertPanel, "approve", City, amount: 200_000m, score: 80m);
        Assert.Contains("amount", higher.Errors.Keys);                               // reviewers may only lower the amount
        Assert.Equal(BatchOutcome.Accepted, (await Decide(batch, id, ReviewStage.ExpertPanel, "approve", City, amount: 120_000m, score: 80m)).Outcome);
        var app = (await batch.GetApplication(id))!;
        Assert.Equal((ReviewStage.SpecialAudit, 150_000m, 120_000m, 80m, true), (app.Stage, app.Requested, app.Amount, app.Score!.Value, app.Funded));
    }

    [Fact]
    public async Task County_stages_belong_to_the_firms_county_and_the_rest_to_city_staff()
    {
        var batch = await _world.Batch();
        var id = await Apply(batch, await _world.Firm("yima", 400_000m), Agent("yima"));
        Assert.Equal(BatchOutcome.Forbidden, (await Decide(batch, id, ReviewStage.CountyCheck, "approve", Agent("lingbao"))).Outcome);
        Assert.Equal(BatchOutcome.Accepted, (await Decide(batch, id, ReviewStage.CountyCheck, "approve", Agent("yima"))).Outcome);
        // City staff may act at every stage (CONTRACT.md: city = everything); the history shows who did.
        Assert.Equal(BatchOutcome.Accepted, (await Decide(batch, id, ReviewStage.CountyRecommendation, "approve", City)).Outcome);
        Assert.Equal(BatchOutcome.Forbidden, (await Decide(batch, id, ReviewStage.EquipmentVerification, "approve", Agent("yima"))).Outcome);
        Assert.Equal(BatchOutcome.Forbidden, (await batch.PublishNotice(new PublishNotice(fixture.Clock.Now.AddDays(5), null), Agent("yima"))).Outcome);
        Assert.Equal(BatchOutcome.Forbidden, (await batch.SetBudget(1m, Agent("yima"))).Outcome);
        var app = (await batch.GetApplication(id))!;
        Assert.Equal(ReviewStage.EquipmentVerification, app.Stage);
        Assert.Equal(["county:yima", "county:yima", "city"], app.History.Select(h => h.Role));
    }

    [Fact]
    public async Task A_return_voids_the_approvals_from_its_stage_on_and_resubmission_re_enters_there()
    {
        var batch = await _world.Batch();
        var p = await _world.Firm("shanzhou", 600_000m);
        var id = await Apply(batch, p, Agent("shanzhou"));
        await Advance(batch, id, ReviewStage.ExpertRecheck);
        var noReason = await Decide(batch, id, ReviewStage.ExpertRecheck, "return", City);
        Assert.Contains("note", noReason.Errors.Keys);
        var forward = await Decide(batch, id, ReviewStage.ExpertRecheck, "return", City, note: "x", returnTo: "expert-panel");
        Assert.Contains("returnTo", forward.Errors.Keys);
        Assert.Equal(BatchOutcome.Accepted, (await Decide(batch, id, ReviewStage.ExpertRecheck, "return", City,
            note: "设备清单与发票不一致，请补正", returnTo: "county-recommendation")).Outcome);

        var returned = (await batch.GetApplication(id))!;
        Assert.Equal((ApplicationStatus.Returned, ReviewStage.CountyRecommendation), (returned.Status, returned.Stage));
        Assert.Equal(BatchOutcome.Conflict, (await Decide(batch, id, ReviewStage.CountyRecommendation, "approve", Agent("shanzhou"))).Outcome);
        Assert.Equal(BatchOutcome.Forbidden, (await batch.Resubmit(new ResubmitApplication(id, null), Agent("lingbao"))).Outcome);

        // The firm revises its figures; the resubmission takes them up.
        await fixture.Client.GetGrain<IEnterpriseGrain>(p.Firm).ReportProgress(new Commands.ReportProgress(p.Project, "2022-04", 400_000m), City);
        Assert.Equal(BatchOutcome.Accepted, (await batch.Resubmit(new ResubmitApplication(id, "已补正设备清单"), Agent("shanzhou"))).Outcome);
        var again = (await batch.GetApplication(id))!;
        Assert.Equal((ApplicationStatus.Pending, ReviewStage.CountyRecommendation, 300_000m), (again.Status, again.Stage, again.Requested));

        var voided = ReviewHistory.Voided(again.History);
        var approvals = again.History.Select((h, i) => (h, i)).Where(x => x.h.Action == HistoryAction.Approved).ToList();
        Assert.Equal(
            [(ReviewStage.CountyCheck, false), (ReviewStage.CountyRecommendation, true), (ReviewStage.EquipmentVerification, true)],
            approvals.Select(x => (x.h.Stage, voided[x.i])));
        Assert.Equal([HistoryAction.Applied, HistoryAction.Approved, HistoryAction.Approved, HistoryAction.Approved, HistoryAction.Returned, HistoryAction.Resubmitted],
            again.History.Select(h => h.Action));
        Assert.Equal("设备清单与发票不一致，请补正", again.History[4].Note);
        Assert.Equal("city-staff", again.History[4].Actor);

        await Advance(batch, id, ReviewStage.PublicNotice);
        Assert.Equal(ReviewStage.PublicNotice, (await batch.GetApplication(id))!.Stage);
    }

    [Fact]
    public async Task A_decline_needs_a_reason_is_final_and_releases_the_money()
    {
        var batch = await _world.Batch(budget: 1_000_000m);
        var id = await Apply(batch, await _world.Firm("hubin", 1_000_000m));
        await Advance(batch, id, ReviewStage.SpecialAudit);
        Assert.Equal(300_000m, (await batch.GetBoard())!.Ledger.Committed);
        Assert.Contains("note", (await Decide(batch, id, ReviewStage.SpecialAudit, "decline", City)).Errors.Keys);
        Assert.Equal(BatchOutcome.Accepted, (await Decide(batch, id, ReviewStage.SpecialAudit, "decline", City, note: "审计：投资不实")).Outcome);
        var board = (await batch.GetBoard())!;
        Assert.Equal((0m, 1_000_000m, 1), (board.Ledger.Committed, board.Ledger.Remaining!.Value, board.Stages["declined"]));
        Assert.Equal(BatchOutcome.Conflict, (await Decide(batch, id, ReviewStage.SpecialAudit, "approve", City)).Outcome);
        Assert.Equal(BatchOutcome.Conflict, (await batch.Resubmit(new ResubmitApplication(id, null), City)).Outcome);
    }

    [Fact]
    public async Task An_objection_during_the_notice_sends_the_application_back_to_the_panel()
    {
        var batch = await _world.Batch(budget: 2_000_000m);
        var p = await _world.Firm("etdz", 1_000_000m, "intelligent");
        var id = await Apply(batch, p);
        await Advance(batch, id, ReviewStage.PublicNotice);
        Assert.Equal(BatchOutcome.Conflict, (await Decide(batch, id, ReviewStage.PublicNotice, "approve", City)).Outcome); // not yet published
        var until = fixture.Clock.Now.AddDays(7);
        var published = await batch.PublishNotice(new PublishNotice(until, "公示期7天"), City);
        Assert.Equal([id], published.Affected);
        Assert.Equal(1, (await batch.GetBoard())!.OnNotice);
        Assert.Equal(BatchOutcome.Conflict, (await Decide(batch, id, ReviewStage.PublicNotice, "approve", City)).Outcome); // window open
        Assert.Contains("reason", (await batch.Object(new RaiseObjection(id, "某企业", " "), Agent("lushi"))).Errors.Keys);

        Assert.Equal(BatchOutcome.Accepted, (await batch.Object(new RaiseObjection(id, "同行企业", "设备为租赁，非自有"), Agent("lushi"))).Outcome);
        var back = (await batch.GetApplication(id))!;
        Assert.Equal((ReviewStage.ExpertPanel, ApplicationStatus.Pending, false, (DateTimeOffset?)null), (back.Stage, back.Status, back.Funded, back.NoticeUntil));
        Assert.Equal(0m, (await batch.GetBoard())!.Ledger.Committed);
        var voided = ReviewHistory.Voided(back.History);
        Assert.True(back.History.Select((h, i) => (h, i)).Where(x => x.h.Action == HistoryAction.Approved && x.h.Stage >= ReviewStage.ExpertPanel).All(x => voided[x.i]));
        Assert.Equal("同行企业: 设备为租赁，非自有", back.History[^1].Note);

        // Reviewed again and published for seven days (on the fake clock): a second before the end the window is still
        // open; once it has closed objections are too late and the award goes ahead.
        await Advance(batch, id, ReviewStage.PublicNotice, score: 75m);
        await batch.PublishNotice(new PublishNotice(fixture.Clock.Now.AddDays(7), null), City);
        fixture.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
        Assert.Equal(BatchOutcome.Conflict, (await Decide(batch, id, ReviewStage.PublicNotice, "approve", City)).Outcome);
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(BatchOutcome.Conflict, (await batch.Object(new RaiseObjection(id, null, "迟到的异议"), City)).Outcome);
        Assert.Equal(BatchOutcome.Accepted, (await Decide(batch, id, ReviewStage.PublicNotice, "approve", City, note: "公示期满无异议")).Outcome);
        var award = await batch.Award(new AwardApplications(null, "下达资金"), City);
        Assert.Equal([id], award.Affected);

        var firm = (await fixture.Client.GetGrain<IEnterpriseGrain>(p.Firm).Get())!;
        var batchId = batch.GetPrimaryKeyString();
        var grant = firm.Grants.Single(g => g.BatchId == batchId);
        Assert.Equal((p.Project, GrantClass.Subsidy, 300_000m, 0m), (grant.ProjectId, grant.Class, grant.Awarded, grant.Disbursed));

        Assert.Contains("amount", (await batch.Disburse(new Disburse(id, 400_000m, null), City)).Errors.Keys);
        Assert.Equal(BatchOutcome.Forbidden, (await batch.Disburse(new Disburse(id, 100_000m, null), Agent("etdz"))).Outcome);
        await batch.Disburse(new Disburse(id, 100_000m, "首期拨付"), City);
        Assert.Equal(100_000m, (await fixture.Client.GetGrain<IEnterpriseGrain>(p.Firm).Get())!.Grants.Single(g => g.BatchId == batchId).Disbursed);
        await Decide(batch, id, ReviewStage.Disbursement, "approve", City, note: "拨付余款");
        var paid = (await batch.GetApplication(id))!;
        Assert.Equal((ApplicationStatus.Disbursed, 300_000m), (paid.Status, paid.Disbursed));
        Assert.Equal(300_000m, (await fixture.Client.GetGrain<IEnterpriseGrain>(p.Firm).Get())!.Grants.Single(g => g.BatchId == batchId).Disbursed);
        var board = (await batch.GetBoard())!;
        Assert.Equal((1, 300_000m, 300_000m, 300_000m, 1_700_000m), (board.Awarded, board.AwardedAmount, board.Disbursed, board.Ledger.Committed, board.Ledger.Remaining!.Value));
        Assert.Equal(BatchOutcome.Conflict, (await Decide(batch, id, ReviewStage.Disbursement, "decline", City, note: "x")).Outcome);
    }

    [Fact]
    public async Task Under_a_cap_the_overflow_waits_in_rank_order_and_is_funded_as_money_frees_up()
    {
        var batch = await _world.Batch(budget: 1_000_000m);
        var ids = new List<int>();
        foreach (var invested in new[] { 1_000_000m, 1_000_000m, 1_000_000m, 1_000_000m })
        {
            var id = await Apply(batch, await _world.Firm("lingbao", invested));
            await Advance(batch, id, ReviewStage.ExpertPanel);
            ids.Add(id);
        }
        // 30 万 each against 100 万: three fit; the fourth, though scored highest, waits — no one is un-funded for it.
        for (var i = 0; i < 4; i++) await Decide(batch, ids[i], ReviewStage.ExpertPanel, "approve", City, score: 60m + i);
        var board = (await batch.GetBoard())!;
        Assert.Equal((900_000m, 100_000m, 1), (board.Ledger.Committed, board.Ledger.Remaining!.Value, board.Ledger.WaitingList));
        Assert.Equal(ids[3], board.WaitingList.Single().ApplicationId);
        Assert.Equal(HistoryAction.WaitListed, (await batch.GetApplication(ids[3]))!.History[^1].Action);
        Assert.Equal(BatchOutcome.Conflict, (await Decide(batch, ids[3], ReviewStage.SpecialAudit, "approve", City)).Outcome);

        // The audit cuts one award by 20 万: 30 万 are free and the waiting one fits.
        await Decide(batch, ids[0], ReviewStage.SpecialAudit, "approve", City, amount: 100_000m, note: "审计核减");
        var promoted = (await batch.GetApplication(ids[3]))!;
        Assert.Equal((ApplicationStatus.Pending, true, HistoryAction.Funded), (promoted.Status, promoted.Funded, promoted.History[^1].Action));
        board = (await batch.GetBoard())!;
        Assert.Equal((1_000_000m, 0m, 0), (board.Ledger.Committed, board.Ledger.Remaining!.Value, board.Ledger.WaitingList));

        Assert.Equal(BatchOutcome.Conflict, (await batch.SetBudget(900_000m, City)).Outcome); // not below what is committed
        Assert.Equal(BatchOutcome.Accepted, (await batch.SetBudget(null, City)).Outcome);
        Assert.Null((await batch.GetBoard())!.Ledger.Remaining);
    }
}
