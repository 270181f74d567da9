using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Programme.Domain;
using Programme.Grains.Data;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Records;

/// <summary>
/// The project database (项目库) as the bureau keeps it: the reply's three planning batches, and a project's life through it —
/// planned, reviewed by the county, admitted by the city (入库), started, and a cancelled one leaving (出库) — each step in
/// the firm's audit trail and on the boards' start rate (开工率).
/// </summary>
public sealed class ProjectDatabaseTests(AppProcess app, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<AppProcess>
{
    private static readonly Dataset Data = SanmenxiaDataset.Generate();

    [Fact]
    public void The_three_planning_batches_hold_the_replys_counts_and_investment()
    {
        var projects = Data.Enterprises.SelectMany(e => e.Projects.Select(p => (Firm: e, Project: p))).Where(x => x.Project.PlanningBatch is not null).ToList();
        Assert.Equal((583, 66_377_000_000m), (projects.Count, projects.Sum(x => x.Project.TotalInvestment)));   // 前三批 583 个、663.77 亿
        var third = projects.Where(x => x.Project.PlanningBatch == "2022-3").ToList();
        Assert.Equal((155, 204, 34_000_000_000m), (third.Select(x => x.Firm.Id).Distinct().Count(), third.Count, third.Sum(x => x.Project.TotalInvestment)));
        var byKind = third.GroupBy(x => x.Project.Kind).ToDictionary(g => g.Key, g => (g.Count(), g.Sum(x => x.Project.TotalInvestment)));
        Assert.Equal((42, 2_860_000_000m), byKind[ProjectKind.Intelligent]);
        Assert.Equal((41, 4_840_000_000m), byKind[ProjectKind.Green]);
        Assert.Equal((121, 26_300_000_000m), byKind[ProjectKind.Technical]);
        foreach (var b in PlanningBatches.All)
        {
            var mine = projects.Where(x => x.Project.PlanningBatch == b.Id).ToList();
            output.WriteLine($"{b.Id}: {mine.Count} projects of {mine.Select(x => x.Firm.Id).Distinct().Count()} firms, {mine.Sum(x => x.Project.TotalInvestment) / 1e8m:0.00} 亿; " +
                $"started {mine.Count(x => x.Project.Implemented)}, planned {mine.Count(x => x.Project.Status == ProjectStatus.Planned)}, " +
                $"left {mine.Count(x => x.Project.Entry == ProjectEntry.Exited)} ({mine.Where(x => x.Project.Entry == ProjectEntry.Exited).Sum(x => x.Project.TotalInvestment) / 1e8m:0.00} 亿)");
            Assert.Equal((b.Projects, b.TotalInvestment), (mine.Count, mine.Sum(x => x.Project.TotalInvestment)));
            // A batch's projects were planned in it: none began before it.
            Assert.All(mine, x => Assert.True(x.Project.StartMonth >= b.Month, $"{x.Firm.Id}/{x.Project.Id} began before batch {b.Id}"));
        }
        // The planned-not-started and the exited projects change none of the programme's figures.
        var implemented = Data.Enterprises.Where(e => e.AboveScale).SelectMany(e => e.Projects).Where(p => p.Implemented).ToList();
        Assert.Equal((686, 67_000_000_000m), (implemented.Count, implemented.Sum(p => p.TotalInvestment)));
        Assert.All(Data.Enterprises.SelectMany(e => e.Projects).Where(p => p.Entry == ProjectEntry.Exited),
            p => Assert.Equal(ProjectStatus.Cancelled, p.Status));
    }

    [Fact]
    public async Task The_api_lists_the_batches_and_filters_and_exports_the_database()
    {
        using var http = app.Http();
        var batches = await http.GetFromJsonAsync<JsonElement>("/api/planning-batches");
        var third = batches.EnumerateArray().Single(b => b.GetProperty("id").GetString() == "2022-3");
        Assert.Equal("三工业〔2022〕3号", third.GetProperty("reference").GetString());
        Assert.Equal((155, 204, 34_000_000_000m), (third.GetProperty("held").GetProperty("firms").GetInt32(),
            third.GetProperty("held").GetProperty("projects").GetInt32(), third.GetProperty("held").GetProperty("totalInvestment").GetDecimal()));
        Assert.Equal(583, batches.EnumerateArray().Sum(b => b.GetProperty("held").GetProperty("projects").GetInt32()));

        var green = await http.GetFromJsonAsync<JsonElement>("/api/projects?batch=2022-3&kind=green&take=1000");
        Assert.Equal(41, green.GetProperty("total").GetInt32());
        Assert.Equal(4_840_000_000m, green.GetProperty("totalInvestment").GetDecimal());
        var lingbaoPlanned = await http.GetFromJsonAsync<JsonElement>("/api/projects?county=lingbao&status=planned&take=1000");
        Assert.All(lingbaoPlanned.GetProperty("items").EnumerateArray(), p =>
            Assert.Equal(("lingbao", "planned"), (p.GetProperty("countyId").GetString(), p.GetProperty("status").GetString())));
        var key = await http.GetFromJsonAsync<JsonElement>("/api/projects?key=true&take=1000");
        Assert.Equal(30, key.GetProperty("total").GetInt32());
        Assert.Contains(key.GetProperty("items").EnumerateArray(), p => p.GetProperty("name").GetString() == "戴卡轮毂5G+智慧云工厂");

        var csv = await http.GetStringAsync("/api/projects?batch=2022-3&kind=intelligent&format=csv");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("谋划批次", lines[0]);
        Assert.Equal(1 + 42, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.Contains("第三批", l));

        var bad = await http.GetAsync("/api/projects?kind=robots&batch=9");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("kind", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("batch", out _));
    }
}
