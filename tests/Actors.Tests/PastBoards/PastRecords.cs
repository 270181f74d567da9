using System.Net.Http.Json;
using System.Text.Json;
using Programme.Domain;
using Programme.Tests.Fixtures;

namespace Programme.Tests.PastBoards;

/// <summary>
/// The test side of "the board as of a past month": every enterprise read through the public API, and each restated by
/// hand as it stood at the end of month M — stated again here, not borrowed from production:
/// <list type="bullet">
/// <item>a month's investment and scheduling report count only for months up to M;</item>
/// <item>an underway or completed project had begun by M if it starts in M or earlier, or has an investment by M;
/// before that it was only planned; it was completed at M only if it is completed now and ended by M;</item>
/// <item>cloud, digital, certifications and grants count from their month;</item>
/// <item>a firm was above scale at M if it is now and entered the list (入规年份) in M's year or before;</item>
/// <item>everything else (operating status, database stage, key flag, cancellation) is as recorded now.</item>
/// </list>
/// The figures of the restated firms then follow <see cref="BoardRules"/> for M's year, reported up to M.
/// </summary>
public static class PastRecords
{
    public static readonly JsonSerializerOptions Json = Make();

    private static JsonSerializerOptions Make()
    {
        var o = new JsonSerializerOptions();
        Programme.Web.Hosting.WebSetup.ConfigureJson(o);
        return o;
    }

    /// <summary>Every firm of every county, through <c>/api/counties/{id}/enterprises</c> and <c>/api/enterprises/{id}</c>.</summary>
    public static async Task<IReadOnlyList<Enterprise>> ReadAll(HttpClient http)
    {
        var ids = new List<string>();
        foreach (var county in CountyCatalogue.All)
            for (var skip = 0; ; skip += 500)
            {
                var page = await http.GetFromJsonAsync<JsonElement>($"/api/counties/{county.Id}/enterprises?skip={skip}&take=500");
                var items = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();
                ids.AddRange(items);
                if (items.Count < 500) break;
            }
        var firms = new List<Enterprise>();
        foreach (var chunk in ids.Chunk(16))
            firms.AddRange(await Task.WhenAll(chunk.Select(async id => (await http.GetFromJsonAsync<Enterprise>($"/api/enterprises/{id}", Json))!)));
        return firms;
    }

    public static Enterprise At(Enterprise firm, YearMonth m)
    {
        var projects = new List<Project>();
        foreach (var p in firm.Projects)
        {
            var months = p.Monthly.Where(x => x.Month.CompareTo(m) <= 0).ToArray();
            var status = p.Status;
            if (status is ProjectStatus.Underway or ProjectStatus.Completed)
            {
                var begun = p.StartMonth.CompareTo(m) <= 0 || months.Length != 0;
                if (!begun) status = ProjectStatus.Planned;
                else if (!(status == ProjectStatus.Completed && p.EndMonth.CompareTo(m) <= 0)) status = ProjectStatus.Underway;
            }
            projects.Add(p with { Monthly = months, Schedule = p.Schedule.Where(s => s.Month.CompareTo(m) <= 0).ToArray(), Status = status });
        }
        var listed = firm.AboveScaleSince is not { } since || since <= m.Year;
        return firm with
        {
            Projects = [.. projects],
            AboveScale = firm.AboveScale && listed,
            CloudSince = firm.CloudSince?.CompareTo(m) <= 0 ? firm.CloudSince : null,
            DigitalSince = firm.DigitalSince?.CompareTo(m) <= 0 ? firm.DigitalSince : null,
            Certifications = firm.Certifications.Where(c => c.Month.CompareTo(m) <= 0).ToArray(),
            Grants = firm.Grants.Where(g => g.AwardedMonth.CompareTo(m) <= 0).ToArray(),
        };
    }

    /// <summary>The figures a board shows for these firms as of M, by the test-side rules.</summary>
    public static Aggregation.Contribution Figures(IEnumerable<Enterprise> firms, YearMonth m)
    {
        var calendar = new ProgrammeCalendar(m.Year, m);
        return BoardRules.Sum(firms.Select(f => BoardRules.Expected(At(f, m), calendar)));
    }
}
