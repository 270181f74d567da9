using Programme.Commands;
using Programme.Domain;
using Programme.Grains;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Foundation;

/// <summary>Every rule an enterprise command obeys: bad input is refused naming the field, and nothing changes.</summary>
public sealed class EnterpriseValidationTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static readonly ChangeContext Agent = new("tester", "test");
    private static readonly UpsertEnterprise ValidFirm = new("测试企业有限公司", "lingbao", "gold", true, "active");
    private static readonly AddProject ValidProject = new("智能化改造", "intelligent", 10_000_000m, 4_000_000m, "2022-01", "2022-12", "underway");

    private async Task<IEnterpriseGrain> NewFirm()
    {
        var grain = fixture.Client.GetGrain<IEnterpriseGrain>($"v-{Guid.NewGuid():N}");
        var created = await grain.Upsert(ValidFirm, Agent);
        Assert.Equal(CommandOutcome.Accepted, created.Outcome);
        Assert.True(created.Created);
        var project = await grain.AddProject(ValidProject, Agent);
        Assert.Equal("p1", project.CreatedId);
        return grain;
    }

    /// <summary>Runs a command that must be refused on <paramref name="field"/>, and checks the enterprise is exactly as before.</summary>
    private static async Task Refused(IEnterpriseGrain grain, Func<IEnterpriseGrain, Task<CommandResult>> command, string field)
    {
        var before = await grain.Get();
        var result = await command(grain);
        Assert.Equal(CommandOutcome.Invalid, result.Outcome);
        Assert.True(result.Errors.ContainsKey(field), $"expected an error on '{field}', got: {string.Join(", ", result.Errors.Keys)}");
        Assert.All(result.Errors.Values, messages => Assert.All(messages, m => Assert.False(string.IsNullOrWhiteSpace(m))));
        var after = await grain.Get();
        Assert.Equal(before!.Version, after!.Version);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(before), System.Text.Json.JsonSerializer.Serialize(after));
    }

    public static TheoryData<string, UpsertEnterprise> BadProfiles => new()
    {
        { "name", ValidFirm with { Name = null } },
        { "name", ValidFirm with { Name = "   " } },
        { "name", ValidFirm with { Name = new string('x', 201) } },
        { "name", ValidFirm with { Name = "bad\u0001name" } },
        { "countyId", ValidFirm with { CountyId = null } },
        { "countyId", ValidFirm with { CountyId = "beijing" } },
        { "sector", ValidFirm with { Sector = null } },
        { "sector", ValidFirm with { Sector = "banking" } },
        { "aboveScale", ValidFirm with { AboveScale = null } },
        { "status", ValidFirm with { Status = "closed" } },
        { "status", ValidFirm with { Status = "Active" } },
    };

    [Theory]
    [MemberData(nameof(BadProfiles))]
    public async Task A_bad_profile_is_refused_and_changes_nothing(string field, UpsertEnterprise command)
    {
        var grain = await NewFirm();
        await Refused(grain, g => g.Upsert(command, Agent), field);
    }

    [Fact]
    public async Task A_bad_id_is_refused_and_nothing_is_created()
    {
        var grain = fixture.Client.GetGrain<IEnterpriseGrain>("has space!");
        var result = await grain.Upsert(ValidFirm, Agent);
        Assert.Equal(CommandOutcome.Invalid, result.Outcome);
        Assert.Contains("id", result.Errors.Keys);
        Assert.Null(await grain.Get());
    }

    public static TheoryData<string, AddProject> BadProjects => new()
    {
        { "name", ValidProject with { Name = "" } },
        { "kind", ValidProject with { Kind = null } },
        { "kind", ValidProject with { Kind = "digital" } },
        { "totalInvestment", ValidProject with { TotalInvestment = null } },
        { "totalInvestment", ValidProject with { TotalInvestment = 0m } },
        { "totalInvestment", ValidProject with { TotalInvestment = -5m } },
        { "totalInvestment", ValidProject with { TotalInvestment = 2_000_000_000_000m } },
        { "totalInvestment", ValidProject with { TotalInvestment = 1.005m } },
        { "plannedThisYear", ValidProject with { PlannedThisYear = null } },
        { "plannedThisYear", ValidProject with { PlannedThisYear = -1m } },
        { "plannedThisYear", ValidProject with { PlannedThisYear = 20_000_000m } },
        { "startMonth", ValidProject with { StartMonth = "2022-13" } },
        { "startMonth", ValidProject with { StartMonth = "22-01" } },
        { "startMonth", ValidProject with { StartMonth = null } },
        { "endMonth", ValidProject with { EndMonth = "2021-12" } },
        { "endMonth", ValidProject with { EndMonth = "2040-01" } },
        { "status", ValidProject with { Status = "cancelled" } },
        { "status", ValidProject with { Status = "done" } },
    };

    [Theory]
    [MemberData(nameof(BadProjects))]
    public async Task A_bad_project_is_refused_and_changes_nothing(string field, AddProject command)
    {
        var grain = await NewFirm();
        await Refused(grain, g => g.AddProject(command, Agent), field);
    }

    public static TheoryData<string, string?, decimal?> BadProgress => new()
    {
        { "month", null, 1m },
        { "month", "2022/03", 1m },
        { "month", "2021-12", 1m },   // before the project's start
        { "month", "2022-09", 1m },   // after the reporting month 2022-08
        { "invested", "2022-03", null },
        { "invested", "2022-03", -1m },
        { "invested", "2022-03", 10_000_000.01m }, // beyond the project's total investment
        { "invested", "2022-03", 0.001m },
    };

    [Theory]
    [MemberData(nameof(BadProgress))]
    public async Task Bad_progress_is_refused_and_changes_nothing(string field, string? month, decimal? invested)
    {
        var grain = await NewFirm();
        await grain.ReportProgress(new ReportProgress("p1", "2022-01", 9_000_000m), Agent);
        if (field == "invested" && invested > 1_000_000m)
            await Refused(grain, g => g.ReportProgress(new ReportProgress("p1", "2022-02", 1_000_000.01m), Agent), field);
        else
            await Refused(grain, g => g.ReportProgress(new ReportProgress("p1", month, invested), Agent), field);
    }

    [Fact]
    public async Task Progress_for_the_same_month_replaces_and_a_repeat_is_a_no_op()
    {
        var grain = await NewFirm();
        var first = await grain.ReportProgress(new ReportProgress("p1", "2022-03", 1_000_000m), Agent);
        var replaced = await grain.ReportProgress(new ReportProgress("p1", "2022-03", 2_500_000m), Agent);
        var repeated = await grain.ReportProgress(new ReportProgress("p1", "2022-03", 2_500_000m), Agent);
        Assert.Equal(CommandOutcome.Accepted, first.Outcome);
        Assert.Equal(first.Version + 1, replaced.Version);
        Assert.Equal(CommandOutcome.Unchanged, repeated.Outcome);
        Assert.Equal(replaced.Version, repeated.Version);
        var project = (await grain.Get())!.Projects.Single();
        Assert.Equal(2_500_000m, project.Invested);
    }

    [Fact]
    public async Task Unknown_project_and_unknown_enterprise_are_not_found()
    {
        var grain = await NewFirm();
        Assert.Equal(CommandOutcome.NotFound, (await grain.ReportProgress(new ReportProgress("p9", "2022-03", 1m), Agent)).Outcome);
        Assert.Equal(CommandOutcome.NotFound, (await grain.SetProjectStatus(new SetProjectStatus("p9", "completed"), Agent)).Outcome);
        var nobody = fixture.Client.GetGrain<IEnterpriseGrain>($"none-{Guid.NewGuid():N}");
        Assert.Equal(CommandOutcome.NotFound, (await nobody.AddProject(ValidProject, Agent)).Outcome);
        Assert.Null(await nobody.Get());
    }

    [Fact]
    public async Task Status_rules_hold()
    {
        var grain = await NewFirm();
        await Refused(grain, g => g.SetProjectStatus(new SetProjectStatus("p1", "paused"), Agent), "status");
        Assert.Equal(CommandOutcome.Accepted, (await grain.SetProjectStatus(new SetProjectStatus("p1", "cancelled"), Agent)).Outcome);
        await Refused(grain, g => g.SetProjectStatus(new SetProjectStatus("p1", "underway"), Agent), "status");
        await Refused(grain, g => g.ReportProgress(new ReportProgress("p1", "2022-03", 1m), Agent), "status");
    }

    [Fact]
    public async Task Milestones_and_certifications_are_validated()
    {
        var grain = await NewFirm();
        await Refused(grain, g => g.SetMilestone(new SetMilestone(Milestone.Cloud, "2023-01"), Agent), "month");
        await Refused(grain, g => g.SetMilestone(new SetMilestone(Milestone.Digital, "soon"), Agent), "month");
        await Refused(grain, g => g.AddCertification(new AddCertification("gold-medal", "city", "2022-01"), Agent), "kind");
        await Refused(grain, g => g.AddCertification(new AddCertification("green-factory", "global", "2022-01"), Agent), "level");
        await Refused(grain, g => g.AddCertification(new AddCertification("green-factory", "city", null), Agent), "month");
        var added = await grain.AddCertification(new AddCertification("green-factory", "city", "2022-05"), Agent);
        var again = await grain.AddCertification(new AddCertification("green-factory", "city", "2022-05"), Agent);
        Assert.Equal(CommandOutcome.Accepted, added.Outcome);
        Assert.Equal(CommandOutcome.Unchanged, again.Outcome);
    }

    [Fact]
    public async Task Every_accepted_change_bumps_the_version_by_one()
    {
        var grain = await NewFirm();
        var v = (await grain.Get())!.Version;
        Assert.Equal(v + 1, (await grain.SetMilestone(new SetMilestone(Milestone.Cloud, "2022-02"), Agent)).Version);
        Assert.Equal(v + 2, (await grain.ReportProgress(new ReportProgress("p1", "2022-02", 5m), Agent)).Version);
        Assert.Equal(v + 3, (await grain.SetProjectStatus(new SetProjectStatus("p1", "completed"), Agent)).Version);
        Assert.Equal(v + 3, (await grain.Get())!.Version);
    }

    [Fact]
    public async Task A_stale_expected_version_is_a_conflict_and_changes_nothing()
    {
        var grain = await NewFirm();
        var before = await grain.Get();
        var result = await grain.SetMilestone(new SetMilestone(Milestone.Cloud, "2022-02"), Agent with { ExpectedVersion = before!.Version - 1 });
        Assert.Equal(CommandOutcome.VersionConflict, result.Outcome);
        Assert.Equal(before.Version, (await grain.Get())!.Version);
        var ok = await grain.SetMilestone(new SetMilestone(Milestone.Cloud, "2022-02"), Agent with { ExpectedVersion = before.Version });
        Assert.Equal(CommandOutcome.Accepted, ok.Outcome);
    }

    [Fact]
    public async Task A_county_scope_confines_the_caller()
    {
        var grain = await NewFirm();
        var yimaAgent = Agent with { CountyScope = "yima" };
        Assert.Equal(CommandOutcome.Forbidden, (await grain.SetMilestone(new SetMilestone(Milestone.Cloud, "2022-02"), yimaAgent)).Outcome);
        var lingbaoAgent = Agent with { CountyScope = "lingbao" };
        Assert.Equal(CommandOutcome.Forbidden, (await grain.Upsert(ValidFirm with { CountyId = "yima" }, lingbaoAgent)).Outcome);
        Assert.Equal("lingbao", (await grain.Get())!.CountyId);
    }
}
