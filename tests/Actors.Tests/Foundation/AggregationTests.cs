using Programme.Aggregation;
using Programme.Commands;
using Programme.Domain;
using Programme.Grains;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Foundation;

/// <summary>A county never double-counts a repeated or out-of-order report, and totals follow changes through the staged path.</summary>
public sealed class AggregationTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static readonly ChangeContext Agent = new("tester", "test");

    private static EnterpriseReport Report(string county, string id, long version, int covered, decimal completed) =>
        new(id, county, version,
            new EnterpriseSummary { Id = id, Name = id, Sector = "gold", AboveScale = true, Covered = covered == 1, Version = version },
            new Contribution { Enterprises = 1, AboveScale = 1, Covered = covered, Completed = completed });

    [Fact]
    public async Task Repeated_and_reordered_reports_are_counted_once_at_their_newest_version()
    {
        var county = fixture.Client.GetGrain<ICountyGrain>($"test-{Guid.NewGuid():N}");
        var v1 = Report("x", "a", 1, 0, 100m);
        var v2 = Report("x", "a", 2, 1, 250m);
        var v3 = Report("x", "a", 3, 1, 400m);
        var other = Report("x", "b", 1, 1, 10m);
        // Wrong county id on the report: ignored entirely.
        var key = county.GetPrimaryKeyString();
        EnterpriseReport For(EnterpriseReport r) => r with { CountyId = key };

        await county.Apply([For(v1), For(v3), For(other)]);
        await county.Apply([For(v2), For(v1), For(v3), For(v3)]);
        await county.Apply([For(other), Report("elsewhere", "c", 9, 1, 1_000m)]);

        var totals = (await county.GetTotals()).Totals;
        Assert.Equal(2, totals.Enterprises);
        Assert.Equal(2, totals.Covered);
        Assert.Equal(410m, totals.Completed);
    }

    [Fact]
    public async Task A_withdrawal_removes_the_firm_and_a_late_older_report_cannot_bring_it_back()
    {
        var county = fixture.Client.GetGrain<ICountyGrain>($"test-{Guid.NewGuid():N}");
        var key = county.GetPrimaryKeyString();
        await county.Apply([Report(key, "a", 1, 1, 50m) , Report(key, "b", 1, 1, 5m)]);
        await county.Apply([new EnterpriseReport("a", key, 3, null, Contribution.Zero)]);
        await county.Apply([Report(key, "a", 2, 1, 70m)]);
        var totals = (await county.GetTotals()).Totals;
        Assert.Equal(1, totals.Enterprises);
        Assert.Equal(5m, totals.Completed);
        await county.Apply([Report(key, "a", 4, 1, 80m)]); // it moved back later
        Assert.Equal(85m, (await county.GetTotals()).Totals.Completed);
    }

    [Fact]
    public async Task Moving_a_firm_between_counties_moves_its_figures()
    {
        var id = $"move-{Guid.NewGuid():N}";
        var grain = fixture.Client.GetGrain<IEnterpriseGrain>(id);
        await grain.Upsert(new UpsertEnterprise("迁移企业", "lushi", "food", true, "active"), Agent);
        await grain.AddProject(new AddProject("绿色化改造", "green", 1_000_000m, 0m, "2022-01", "2022-06", "underway"), Agent);
        await grain.ReportProgress(new ReportProgress("p1", "2022-02", 300_000m), Agent);
        await Eventually.Holds(async () => (await Listed("lushi", id)) == 1, TimeSpan.FromSeconds(5), "firm listed in lushi");

        await grain.Upsert(new UpsertEnterprise("迁移企业", "urdz", "food", true, "active"), Agent);
        await Eventually.Holds(async () => await Listed("lushi", id) == 0 && await Listed("urdz", id) == 1,
            TimeSpan.FromSeconds(5), "firm moved from lushi to urdz");
        await AssertCountyMatchesItsFirms("lushi");
        await AssertCountyMatchesItsFirms("urdz");
    }

    private async Task<int> Listed(string county, string id) =>
        (await fixture.Client.GetGrain<ICountyGrain>(county).ListEnterprises(new Boards.EnterpriseQuery { Search = id })).Total;

    private async Task AssertCountyMatchesItsFirms(string countyId)
    {
        var county = fixture.Client.GetGrain<ICountyGrain>(countyId);
        var ids = (await county.ListEnterprises(new Boards.EnterpriseQuery { Take = 500 })).Items.Select(i => i.Id).ToList();
        var expected = await Recompute.County(fixture.Client, countyId, ids);
        Assert.Equal(Recompute.Figures(expected), Recompute.Figures((await county.GetTotals()).Totals));
    }

    [Fact]
    public async Task A_change_reaches_the_county_and_city_boards_within_a_second()
    {
        var id = $"live-{Guid.NewGuid():N}";
        var grain = fixture.Client.GetGrain<IEnterpriseGrain>(id);
        await grain.Upsert(new UpsertEnterprise("实时企业", "hubin", "pharma", true, "active"), Agent);
        await grain.AddProject(new AddProject("智能化改造", "intelligent", 50_000_000m, 10_000_000m, "2022-01", "2022-12", "underway"), Agent);
        var city = fixture.Client.GetGrain<ICityGrain>(GrainKeys.City);
        var county = fixture.Client.GetGrain<ICountyGrain>("hubin");
        await Eventually.Holds(async () => (await county.ListEnterprises(new Boards.EnterpriseQuery { Search = id })).Total == 1,
            TimeSpan.FromSeconds(5), "registered");
        // The baseline is read once the city holds every county's current version (a happens-before marker, not a pause).
        var cityBoard = await Settled(city);
        var cityBefore = cityBoard.Investment.CompletedThisYear;
        var countyBefore = (await county.GetBoard()).Investment.CompletedThisYear;
        Assert.Equal(countyBefore, cityBoard.Counties!.Single(c => c.Id == "hubin").CompletedThisYear);

        await grain.ReportProgress(new ReportProgress("p1", "2022-07", 1_234_567m), Agent);
        var lag = await Eventually.Holds(async () =>
                (await county.GetBoard()).Investment.CompletedThisYear == countyBefore + 1_234_567m &&
                (await city.GetBoard()).Investment.CompletedThisYear == cityBefore + 1_234_567m,
            TimeSpan.FromSeconds(1), "the change on both boards");
        Assert.True(lag < TimeSpan.FromSeconds(1));
    }

    /// <summary>Waits until the city board carries each county's current version, and returns that board.</summary>
    private async Task<Boards.Board> Settled(ICityGrain city)
    {
        Boards.Board board = null!;
        await Eventually.Holds(async () =>
        {
            var versions = await Task.WhenAll(CountyCatalogue.All.Select(c => fixture.Client.GetGrain<ICountyGrain>(c.Id).GetTotals()));
            board = await city.GetBoard();
            return versions.All(v => board.Counties!.Single(r => r.Id == v.CountyId).Version == v.Version);
        }, TimeSpan.FromSeconds(5), "the city holds every county's current version");
        return board;
    }
}
