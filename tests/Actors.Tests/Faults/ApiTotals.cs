using System.Net.Http.Json;
using System.Text.Json;
using Programme.Aggregation;
using Programme.Boards;
using Programme.Domain;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Faults;

/// <summary>
/// The boards checked from outside, as an API client would: every enterprise read through the API (each county's list,
/// plus the firms the test wrote to), recomputed with the test-side rules (<see cref="BoardRules"/>), and compared with
/// each county board and the city board.
/// </summary>
public static class ApiTotals
{
    public static readonly JsonSerializerOptions Json = Options();

    private static JsonSerializerOptions Options()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Programme.Web.Hosting.WebSetup.ConfigureJson(o);
        return o;
    }

    public static Task<Enterprise?> Enterprise(HttpClient http, string id) => http.GetFromJsonAsync<Enterprise>($"/api/enterprises/{id}", Json);

    /// <summary>Every enterprise the API lists in any county, and the given ones.</summary>
    public static async Task<List<Enterprise>> AllEnterprises(HttpClient http, IEnumerable<string> alsoThese)
    {
        var ids = new HashSet<string>(alsoThese, StringComparer.Ordinal);
        foreach (var county in CountyCatalogue.All)
        {
            for (var skip = 0; ; skip += 500)
            {
                var page = await http.GetFromJsonAsync<JsonElement>($"/api/counties/{county.Id}/enterprises?take=500&skip={skip}&sort=id");
                var items = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();
                ids.UnionWith(items);
                if (items.Count < 500) break;
            }
        }
        var firms = new List<Enterprise>();
        foreach (var chunk in ids.Chunk(16))
            firms.AddRange((await Task.WhenAll(chunk.Select(id => Enterprise(http, id)))).OfType<Enterprise>());
        return firms;
    }

    /// <summary>
    /// Waits until every county board and the city board show what a recomputation from every enterprise gives (the
    /// boards are fed asynchronously), or fails naming the last difference.
    /// </summary>
    public static Task<TimeSpan> AssertBoardsMatch(HttpClient http, IEnumerable<string> written, TimeSpan within)
    {
        var calendar = ProgrammeCalendar.Default;
        var last = "";
        return Eventually.Holds(async () =>
        {
            var firms = await AllEnterprises(http, written);
            var counties = new List<Contribution>();
            foreach (var county in CountyCatalogue.All)
            {
                var expected = BoardRules.Sum(firms.Where(f => f.CountyId == county.Id).Select(f => BoardRules.Expected(f, calendar)));
                counties.Add(expected);
                var board = await http.GetFromJsonAsync<Board>($"/api/board/counties/{county.Id}", Json);
                if (Difference(board!, expected) is { } d)
                {
                    last = $"county {county.Id}: {d}";
                    return false;
                }
            }
            var city = await http.GetFromJsonAsync<Board>("/api/board/city", Json);
            if (Difference(city!, BoardRules.Sum(counties)) is { } c)
            {
                last = $"city: {c}";
                return false;
            }
            return true;
        }, within, () => "boards equal a recomputation from the enterprises: " + last);
    }

    private static string? Difference(Board b, Contribution e)
    {
        var pairs = new (string Name, decimal Shown, decimal Expected)[]
        {
            ("enterprises", b.Enterprises.Total, e.Enterprises), ("covered", b.Enterprises.Covered, e.Covered),
            ("investment completed", b.Investment.Completed, e.Completed), ("completed this year", b.Investment.CompletedThisYear, e.CompletedThisYear),
            ("projects", b.Projects.Count, e.Projects), ("projects this year", b.Projects.ThisYear, e.ProjectsThisYear),
            ("below-scale projects", b.BelowScale.Projects, e.BelowScaleProjects), ("certifications", b.Certifications.Total, e.Certifications),
            ("cloud", b.Cloud.Total, e.CloudTotal), ("halted", b.Operating.Halted, e.Halted),
        };
        var wrong = pairs.Where(p => p.Shown != p.Expected).Select(p => $"{p.Name} shows {p.Shown}, expected {p.Expected}").ToList();
        return wrong.Count == 0 ? null : string.Join("; ", wrong);
    }
}
