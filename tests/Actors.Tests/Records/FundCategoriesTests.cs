using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Programme.Domain;
using Programme.Grains.Data;
using Programme.Grains.Grants;
using Programme.Grants;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Records;

/// <summary>
/// The special fund's call is 三大改造暨5G、工业互联网: 5G and industrial-internet projects alongside the three transformations;
/// machine replaces labour (机器换人) is supported as a ratio of the eligible equipment investment, not a fixed reward.
/// </summary>
public sealed class FundCategoriesTests(AppProcess app) : IClassFixture<AppProcess>
{
    private static Project Intelligent(ProjectTheme? theme = null, decimal? equipment = null) => new()
    {
        Id = "p1", Name = "5G+智能工厂", Kind = ProjectKind.Intelligent, TotalInvestment = 50_000_000m, Status = ProjectStatus.Completed,
        StartMonth = new YearMonth(2021, 3), EndMonth = new YearMonth(2021, 11), Theme = theme, EquipmentInvestment = equipment,
        Monthly = [new MonthlyInvestment(new YearMonth(2021, 6), 50_000_000m)],
    };

    private static readonly Enterprise Firm = new() { Id = "f", Name = "测试企业", CountyId = "yima", Sector = "coal", AboveScale = true };

    private static BatchCall Call(SubsidyRule? machine) => new()
    {
        Name = "测试批次", WindowFrom = new YearMonth(2021, 1), WindowTo = new YearMonth(2021, 12), Kinds = [ProjectKind.Green],
        Themes = [ProjectTheme.FiveG], Subsidy = new SubsidyRule(0.3m, null), MachineReplacesLabour = machine,
    };

    [Fact]
    public void A_call_funds_its_5g_and_industrial_internet_projects_whatever_their_transformation_kind()
    {
        var call = Call(null);
        Assert.Null(AwardRules.Ineligibility(call, Firm, Intelligent(ProjectTheme.FiveG), GrantClass.Subsidy, null));
        var refused = AwardRules.Ineligibility(call, Firm, Intelligent(), GrantClass.Subsidy, null);
        Assert.Equal("projectId", refused!.Value.Field);
        Assert.Contains("5g", refused.Value.Rule);
        Assert.NotNull(AwardRules.Ineligibility(call, Firm, Intelligent(ProjectTheme.IndustrialInternet), GrantClass.Subsidy, null));
    }

    [Fact]
    public void Machine_replaces_labour_is_a_ratio_of_the_eligible_equipment_investment_up_to_the_cap()
    {
        var call = Call(new SubsidyRule(0.15m, 1_000_000m));
        Assert.Equal(185_185.18m, AwardRules.Requested(call, Intelligent(ProjectTheme.FiveG, 1_234_567.89m), GrantClass.Reward, RewardResult.MachineReplacesLabour));
        Assert.Equal(1_000_000m, AwardRules.Requested(call, Intelligent(ProjectTheme.FiveG, 30_000_000m), GrantClass.Reward, RewardResult.MachineReplacesLabour));
        var missing = AwardRules.Ineligibility(call, Firm, Intelligent(ProjectTheme.FiveG), GrantClass.Reward, RewardResult.MachineReplacesLabour);
        Assert.Contains("equipmentInvestment", missing!.Value.Rule);
        Assert.True(call.Pays(RewardResult.MachineReplacesLabour));
        Assert.False(Call(null).Pays(RewardResult.MachineReplacesLabour));
    }

    [Fact]
    public void Batch_2022_1_calls_5g_and_industrial_internet_projects_and_pays_machine_replaces_labour_as_a_ratio()
    {
        var data = SanmenxiaDataset.Generate();
        var batch = data.Batches.Single(b => b.Id == "2022-1");
        Assert.Equal([ProjectTheme.FiveG, ProjectTheme.IndustrialInternet], batch.Call.Themes);
        Assert.Equal(new SubsidyRule(0.10m, 200_000m), batch.Call.MachineReplacesLabour);
        var firms = data.Enterprises.ToDictionary(e => e.Id);
        var machine = batch.Applications.Where(a => a.Result == RewardResult.MachineReplacesLabour).ToList();
        Assert.Equal(7, machine.Count);
        Assert.All(machine, a =>
        {
            var project = firms[a.EnterpriseId].Projects.Single(p => p.Id == a.ProjectId);
            Assert.Equal(AwardRules.MachineReplacesLabour(batch.Call.MachineReplacesLabour!, project.EquipmentInvestment!.Value), a.Requested);
        });
        Assert.Contains(data.Enterprises.SelectMany(e => e.Projects), p => p.Theme == ProjectTheme.FiveG && p.Name == "戴卡轮毂5G+智慧云工厂");
    }

    [Fact]
    public async Task A_batch_opened_over_the_api_takes_a_5g_project_and_prices_machine_replaces_labour_by_ratio()
    {
        using var city = app.Http(AppProcess.Token("city"));
        var id = $"5g-{Guid.NewGuid():N}"[..12];
        var bad = await city.PostAsJsonAsync("/api/batches", new
        {
            id, name = "2022年5G专项", windowFrom = "2022-01", windowTo = "2022-08", kinds = new[] { "green" }, themes = new[] { "6g" },
            subsidy = new { rate = 0.2m }, machineReplacesLabour = new { rate = 1.5m },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("themes", out _) && errors.TryGetProperty("machineReplacesLabour.rate", out _), errors.ToString());
        var created = await city.PostAsJsonAsync("/api/batches", new
        {
            id, name = "2022年5G专项", windowFrom = "2022-01", windowTo = "2022-08", kinds = new[] { "green" }, themes = new[] { "5g", "industrial-internet" },
            subsidy = new { rate = 0.2m }, machineReplacesLabour = new { rate = 0.15m, cap = 1_000_000m },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var firm = await city.GetFromJsonAsync<JsonElement>("/api/enterprises/dicastal-wheels");
        var project = firm.GetProperty("projects").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "戴卡轮毂5G+智慧云工厂");
        Assert.Equal(("intelligent", "5g"), (project.GetProperty("kind").GetString(), project.GetProperty("theme").GetString()));
        var apply = await app.Http(AppProcess.Token("county", "etdz")).PostAsJsonAsync($"/api/batches/{id}/applications",
            new { enterpriseId = "dicastal-wheels", projectId = project.GetProperty("id").GetString(), @class = "subsidy" });
        Assert.Equal(HttpStatusCode.Created, apply.StatusCode);
        var inWindow = project.GetProperty("monthly").EnumerateArray().Where(m => string.CompareOrdinal(m.GetProperty("month").GetString(), "2022-08") <= 0
            && string.CompareOrdinal(m.GetProperty("month").GetString(), "2022-01") >= 0).Sum(m => m.GetProperty("amount").GetDecimal());
        var board = await city.GetFromJsonAsync<JsonElement>($"/api/batches/{id}");
        Assert.Equal(decimal.Round(0.2m * inWindow, 2, MidpointRounding.ToZero), board.GetProperty("requested").GetDecimal());
    }
}
