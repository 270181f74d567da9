using Programme.Aggregation;
using Programme.Boards;
using Programme.Domain;
using Programme.Grains;

namespace Programme.Tests.Fixtures;

/// <summary>
/// Recomputes a county's totals from its enterprises' own states, independently of the aggregation path and of the
/// production rules: the figures come from the test-side statement in <see cref="BoardRules"/>.
/// </summary>
public static class Recompute
{
    public static async Task<Contribution> County(IGrainFactory grains, string countyId, IEnumerable<string> enterpriseIds)
    {
        var calendar = ProgrammeCalendar.Default;
        var firms = await Task.WhenAll(enterpriseIds.Select(id => grains.GetGrain<IEnterpriseGrain>(id).Get()));
        return BoardRules.Sum(firms.Where(e => e is not null && e.CountyId == countyId)
            .Select(e => BoardRules.Expected(e!, calendar)));
    }

    /// <summary>
    /// Waits until every county's totals, and the city board, equal a recomputation from the given enterprises' own
    /// states (aggregation is staged and asynchronous), or fails naming the first difference.
    /// </summary>
    public static async Task AssertTotalsMatch(IGrainFactory grains, IReadOnlyCollection<string> ids, TimeSpan within)
    {
        var lastMismatch = "";
        await Eventually.Holds(async () =>
        {
            var expectedCounties = new List<Contribution>();
            foreach (var c in CountyCatalogue.All)
            {
                var expected = await County(grains, c.Id, ids);
                expectedCounties.Add(expected);
                var actual = (await grains.GetGrain<ICountyGrain>(c.Id).GetTotals()).Totals;
                if (Figures(expected) != Figures(actual))
                {
                    lastMismatch = $"county {c.Id}: expected {Figures(expected)} got {Figures(actual)}";
                    return false;
                }
            }
            var city = await grains.GetGrain<ICityGrain>(GrainKeys.City).GetBoard();
            var cityExpected = BoardRules.Sum(expectedCounties);
            var ok = city.Enterprises.Total == cityExpected.Enterprises && city.Enterprises.Covered == cityExpected.Covered
                && city.Investment.Completed == cityExpected.Completed && city.Investment.CompletedThisYear == cityExpected.CompletedThisYear
                && city.Projects.Count == cityExpected.Projects && city.Projects.ThisYear == cityExpected.ProjectsThisYear
                && city.BelowScale.Projects == cityExpected.BelowScaleProjects && city.Certifications.Total == cityExpected.Certifications
                && city.Cloud.Total == cityExpected.CloudTotal && city.Operating.Halted == cityExpected.Halted;
            if (!ok) lastMismatch = "city board differs from the sum of recomputed counties";
            return ok;
        }, within, () => "totals equal recomputation: " + lastMismatch);
    }

    /// <summary>Every enterprise on any county's roster: all the firms the programme has ever held.</summary>
    public static async Task<IReadOnlyCollection<string>> AllEnterprises(IGrainFactory grains)
    {
        var rosters = await Task.WhenAll(CountyCatalogue.All.Select(c => grains.GetGrain<ICountyRosterGrain>(c.Id).GetMembers()));
        return rosters.SelectMany(r => r).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The figures a board shows, as one comparable string.</summary>
    public static string Figures(Contribution c) => System.Text.Json.JsonSerializer.Serialize(c);

    public static string Figures(Board b) => System.Text.Json.JsonSerializer.Serialize(new
    {
        b.Enterprises, b.Projects, b.Investment, b.BelowScale, b.Cloud, b.Digital, b.Certifications, b.Fund, b.Operating, b.Trend,
    });
}
