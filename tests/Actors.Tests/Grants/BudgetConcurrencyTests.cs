using Programme.Grants;
using Programme.Tests.Fixtures;
using static Programme.Tests.Grants.GrantsWorld;

namespace Programme.Tests.Grants;

/// <summary>A cap is never over-committed, however many approvals arrive at once; the overflow waits in rank order.</summary>
[Collection(SharedFakeClockCluster.Name)]
public sealed class BudgetConcurrencyTests(FakeClockClusterFixture fixture)
{
    [Fact]
    public async Task A_hundred_concurrent_panel_approvals_never_commit_more_than_the_cap()
    {
        var world = new GrantsWorld(fixture.Client);
        const decimal cap = 3_000_000m;
        var batch = await world.Batch(budget: cap);
        var rng = new Random(7);
        var counties = new[] { "lingbao", "mianchi", "shanzhou", "etdz", "yima", "hubin", "lushi", "urdz" };
        var ids = new List<int>();
        for (var i = 0; i < 100; i++)
        {
            // 10 万 … 100 万 invested: 3 万 … 30 万 asked, about 16.5 万 on average — some 1,650 万 asked against 300 万.
            var id = await Apply(batch, await world.Firm(counties[i % 8], 100_000m * (1 + rng.Next(10))));
            await Advance(batch, id, ReviewStage.ExpertPanel);
            ids.Add(id);
        }
        var scores = ids.ToDictionary(id => id, id => 50m + (id * 37 % 100) / 2m);

        var results = await Task.WhenAll(ids.Select(id => Decide(batch, id, ReviewStage.ExpertPanel, "approve", City, score: scores[id])));
        Assert.All(results, r => Assert.Equal(BatchOutcome.Accepted, r.Outcome));

        var board = (await batch.GetBoard())!;
        var apps = (await batch.ListApplications(new ApplicationFilter { Take = 1000 }))!.Items;
        var funded = apps.Where(a => a.Funded).ToList();
        var waiting = apps.Where(a => a.Status == ApplicationStatus.Waiting).ToList();
        Assert.True(board.Ledger.Committed <= cap, $"committed {board.Ledger.Committed} > cap {cap}");
        Assert.Equal(funded.Sum(a => a.Amount), board.Ledger.Committed);
        Assert.Equal(100, funded.Count + waiting.Count);
        Assert.NotEmpty(waiting);
        // The waiting list is in rank order, and its head does not fit in what remains (else it would have been funded).
        Assert.Equal(waiting.OrderByDescending(a => a.Score).ThenBy(a => a.RecommendedAt).ThenBy(a => a.Id).Select(a => a.Id),
            board.WaitingList.Select(w => w.ApplicationId));
        Assert.Equal(Enumerable.Range(1, waiting.Count), board.WaitingList.Select(w => w.Rank));
        Assert.True(board.WaitingList[0].Amount > board.Ledger.Remaining);

        // Everything funded goes through to award: the awards stay within the cap too.
        foreach (var a in funded)
        {
            await Advance(batch, a.Id, ReviewStage.PublicNotice);
        }
        await batch.PublishNotice(new PublishNotice(fixture.Clock.Now.AddDays(7), null), City);
        fixture.Clock.Advance(TimeSpan.FromDays(7));
        await Task.WhenAll(funded.Select(a => Decide(batch, a.Id, ReviewStage.PublicNotice, "approve", City)));
        await batch.Award(new AwardApplications(null, null), City);
        board = (await batch.GetBoard())!;
        Assert.Equal(funded.Count, board.Awarded);
        Assert.True(board.AwardedAmount <= cap);
        Assert.Equal(waiting.Count, board.Ledger.WaitingList);
    }
}
