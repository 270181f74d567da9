using Programme.Domain;

namespace Programme.Grains.Counties;

/// <summary>
/// "Every firm of a county": the county's roster (the owner of membership, <see cref="ICountyRosterGrain"/>) gives every
/// enterprise that ever reported to it; each is read from its own grain and kept if it still names the county (a firm that
/// moved away stays on the old roster). No paging through a UI listing, so nothing is left out however large the county.
/// </summary>
public static class CountyFirms
{
    private const int Parallelism = 100;

    /// <summary>The ids on the county's roster, in id order.</summary>
    public static async Task<string[]> Ids(IGrainFactory grains, string countyId) =>
        [.. (await grains.GetGrain<ICountyRosterGrain>(countyId).GetMembers()).Order(StringComparer.Ordinal)];

    /// <summary>Every enterprise of the county as it is stored now, in id order.</summary>
    public static async Task<IReadOnlyList<Enterprise>> Read(IGrainFactory grains, string countyId)
    {
        var firms = new List<Enterprise>();
        foreach (var chunk in (await Ids(grains, countyId)).Chunk(Parallelism))
            foreach (var e in await Task.WhenAll(chunk.Select(id => grains.GetGrain<IEnterpriseGrain>(id).Get())))
                if (e is not null && e.CountyId == countyId) firms.Add(e);
        return firms;
    }

    /// <summary>Every enterprise of every county of the catalogue, in id order.</summary>
    public static async Task<IReadOnlyList<Enterprise>> ReadAll(IGrainFactory grains)
    {
        var counties = await Task.WhenAll(CountyCatalogue.All.Select(c => Read(grains, c.Id)));
        return [.. counties.SelectMany(c => c).OrderBy(e => e.Id, StringComparer.Ordinal)];
    }
}
