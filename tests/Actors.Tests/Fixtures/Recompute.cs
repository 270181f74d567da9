using Programme.Aggregation;
using Programme.Boards;
using Programme.Domain;
using Programme.Grains;
using Programme.Grains.Enterprises;

namespace Programme.Tests.Fixtures;

/// <summary>Recomputes a county's totals from its enterprises' own states, independently of the aggregation path.</summary>
public static class Recompute
{
    public static async Task<Contribution> County(IGrainFactory grains, string countyId, IEnumerable<string> enterpriseIds)
    {
        var calendar = ProgrammeCalendar.Default;
        var firms = await Task.WhenAll(enterpriseIds.Select(id => grains.GetGrain<IEnterpriseGrain>(id).Get()));
        return ContributionSum.Total(firms.Where(e => e is not null && e.CountyId == countyId)
            .Select(e => ContributionCalculator.Compute(e!, calendar)));
    }

    /// <summary>The figures a board shows, as one comparable string.</summary>
    public static string Figures(Contribution c) => System.Text.Json.JsonSerializer.Serialize(c);

    public static string Figures(Board b) => System.Text.Json.JsonSerializer.Serialize(new
    {
        b.Enterprises, b.Projects, b.Investment, b.BelowScale, b.Cloud, b.Digital, b.Certifications, b.Fund, b.Operating, b.Trend,
    });
}
