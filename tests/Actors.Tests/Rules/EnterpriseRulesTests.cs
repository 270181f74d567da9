using Programme.Commands;
using Programme.Domain;
using Programme.Grains.Enterprises;

namespace Programme.Tests.Rules;

/// <summary>The rules of every enterprise command (EnterpriseRules), as pure unit tests: each refusal names its field, and changes nothing.</summary>
public sealed class EnterpriseRulesTests
{
    private static readonly ProgrammeCalendar Calendar = ProgrammeCalendar.Default; // reported to 2022-08
    private static YearMonth M(int y, int m) => new(y, m);

    private static readonly Enterprise Firm = new()
    {
        Id = "firm-1", Name = "某企业", CountyId = "lingbao", Sector = "gold", AboveScale = true, Status = OperatingStatus.Active,
        Projects =
        [
            new() { Id = "p1", Name = "一", Kind = ProjectKind.Green, TotalInvestment = 1_000m, StartMonth = M(2022, 2), EndMonth = M(2022, 12), Status = ProjectStatus.Planned },
            new() { Id = "p7", Name = "七", Kind = ProjectKind.Green, TotalInvestment = 500m, StartMonth = M(2021, 1), EndMonth = M(2022, 12), Status = ProjectStatus.Underway,
                Monthly = [new(M(2021, 6), 100m), new(M(2022, 3), 50m)] },
            new() { Id = "px", Name = "x", Kind = ProjectKind.Green, TotalInvestment = 1m, StartMonth = M(2021, 1), EndMonth = M(2021, 2), Status = ProjectStatus.Cancelled },
        ],
    };

    private static string[] Fields(EnterpriseRules.Outcome o) => o.Errors is { } e ? [.. e.ToDictionary().Keys.Order()] : [];
    private static string Message(EnterpriseRules.Outcome o, string field) => string.Join(" | ", o.Errors!.ToDictionary()[field]);

    [Fact]
    public void Ids_are_one_to_sixty_four_letters_digits_dashes_or_underscores()
    {
        Assert.True(EnterpriseRules.IsValidId("a"));
        Assert.True(EnterpriseRules.IsValidId("Hengkang_aluminium-2"));
        Assert.True(EnterpriseRules.IsValidId(new string('a', 64)));
        Assert.False(EnterpriseRules.IsValidId(new string('a', 65)));
        Assert.False(EnterpriseRules.IsValidId(""));
        Assert.False(EnterpriseRules.IsValidId(null));
        Assert.False(EnterpriseRules.IsValidId("has space"));
        Assert.False(EnterpriseRules.IsValidId("中文"));
        Assert.False(EnterpriseRules.IsValidId("a/b"));
    }

    [Fact]
    public void Registering_needs_a_name_a_known_county_and_sector_and_the_scale()
    {
        var bad = EnterpriseRules.Upsert("bad id", null, new UpsertEnterprise(" ", "atlantis", "weather", null, "dancing"), Calendar);
        Assert.Null(bad.Next);
        Assert.Equal(["aboveScale", "countyId", "id", "name", "sector", "status"], Fields(bad));
        Assert.Equal(["countyId", "sector"], Fields(EnterpriseRules.Upsert("a", null, new UpsertEnterprise("名", "", "", true, null), Calendar)));
        Assert.Contains("is required", Message(EnterpriseRules.Upsert("a", null, new UpsertEnterprise("名", null, "gold", true, null), Calendar), "countyId"));
        Assert.Contains("must be one of", Message(bad, "countyId"));
        Assert.Contains("must be one of", Message(bad, "sector"));

        var created = EnterpriseRules.Upsert("new-1", null, new UpsertEnterprise("  新企业 ", "mianchi", "food", false, null), Calendar);
        Assert.Null(created.Errors);
        Assert.Equal(("new-1", "新企业", "mianchi", "food", false, OperatingStatus.Active), (created.Next!.Id, created.Next.Name, created.Next.CountyId,
            created.Next.Sector, created.Next.AboveScale, created.Next.Status));
        Assert.Equal(OperatingStatus.Halted, EnterpriseRules.Upsert("n", null, new UpsertEnterprise("名", "mianchi", "food", true, "halted"), Calendar).Next!.Status);
    }

    [Fact]
    public void Changing_a_firm_keeps_what_is_not_said_and_the_same_values_change_nothing()
    {
        var same = EnterpriseRules.Upsert(Firm.Id, Firm, new UpsertEnterprise("某企业", "lingbao", "gold", true, null), Calendar);
        Assert.Null(same.Next);
        Assert.Null(same.Errors);
        var revived = Firm with { Status = OperatingStatus.Revived };
        var moved = EnterpriseRules.Upsert(Firm.Id, revived, new UpsertEnterprise("某企业", "lushi", "gold", true, null), Calendar);
        Assert.Equal(("lushi", OperatingStatus.Revived, 3), (moved.Next!.CountyId, moved.Next.Status, moved.Next.Projects.Length));
        var renamed = EnterpriseRules.Upsert(Firm.Id, Firm, new UpsertEnterprise("新名", "lingbao", "coal", false, "semi-halted"), Calendar).Next!;
        Assert.Equal(("新名", "coal", false, OperatingStatus.SemiHalted), (renamed.Name, renamed.Sector, renamed.AboveScale, renamed.Status));
    }

    [Fact]
    public void A_new_project_is_checked_field_by_field_and_numbered_after_the_highest()
    {
        var ok = EnterpriseRules.AddProject(Firm, new AddProject("智能化改造", "intelligent", 2_000m, 2_000m, "2022-01", "2022-06"));
        Assert.Null(ok.Errors);
        Assert.Equal("p8", ok.CreatedId);
        var p = ok.Next!.Projects[^1];
        Assert.Equal(("p8", "智能化改造", ProjectKind.Intelligent, 2_000m, 2_000m, M(2022, 1), M(2022, 6), ProjectStatus.Planned),
            (p.Id, p.Name, p.Kind, p.TotalInvestment, p.PlannedThisYear, p.StartMonth, p.EndMonth, p.Status));
        Assert.Equal(4, ok.Next.Projects.Length);
        Assert.Equal("p1", EnterpriseRules.AddProject(Firm with { Projects = [] }, new AddProject("a", "green", 1m, 0m, "2022-01", "2022-01")).CreatedId);
        Assert.Equal(ProjectStatus.Underway, EnterpriseRules.AddProject(Firm, new AddProject("a", "green", 1m, 0m, "2022-01", "2022-01", "underway")).Next!.Projects[^1].Status);

        var bad = EnterpriseRules.AddProject(Firm, new AddProject("", "magic", 0m, -1m, "2022-13", null, "cancelled"));
        Assert.Equal(["endMonth", "kind", "name", "plannedThisYear", "startMonth", "status", "totalInvestment"], Fields(bad));
        Assert.Equal(["plannedThisYear"], Fields(EnterpriseRules.AddProject(Firm, new AddProject("a", "green", 100m, 100.01m, "2022-01", "2022-02"))));
        Assert.Equal(["endMonth"], Fields(EnterpriseRules.AddProject(Firm, new AddProject("a", "green", 100m, 0m, "2022-03", "2022-02"))));
        Assert.Null(EnterpriseRules.AddProject(Firm, new AddProject("a", "green", 100m, 0m, "2022-01", "2031-12")).Errors); // 119 months
        Assert.Contains("at most 120 months", Message(EnterpriseRules.AddProject(Firm, new AddProject("a", "green", 100m, 0m, "2022-01", "2032-01")), "endMonth"));
        Assert.Contains("cannot start cancelled", Message(EnterpriseRules.AddProject(Firm, new AddProject("a", "green", 1m, 0m, "2022-01", "2022-01", "cancelled")), "status"));
        var full = Firm with { Projects = [.. Enumerable.Range(1, EnterpriseRules.MaxProjects).Select(i => Firm.Projects[0] with { Id = $"p{i}" })] };
        Assert.Equal(["projects"], Fields(EnterpriseRules.AddProject(full, new AddProject("a", "green", 1m, 0m, "2022-01", "2022-01"))));
        Assert.Null(EnterpriseRules.AddProject(full with { Projects = full.Projects[1..] }, new AddProject("a", "green", 1m, 0m, "2022-01", "2022-01")).Errors);
        // Ids other than pN do not count toward the numbering.
        Assert.Equal("p1", EnterpriseRules.AddProject(Firm with { Projects = [Firm.Projects[0] with { Id = "x9" }, Firm.Projects[0] with { Id = "p" }, Firm.Projects[0] with { Id = "pq" }] },
            new AddProject("a", "green", 1m, 0m, "2022-01", "2022-01")).CreatedId);
    }

    [Fact]
    public void Progress_replaces_its_month_within_the_projects_span_and_total_and_starts_a_planned_project()
    {
        var first = EnterpriseRules.ReportProgress(Firm, new ReportProgress("p1", "2022-03", 400m), Calendar).Next!.Projects[0];
        Assert.Equal((ProjectStatus.Underway, 400m), (first.Status, first.Invested));
        var zero = EnterpriseRules.ReportProgress(Firm, new ReportProgress("p1", "2022-03", 0m), Calendar);
        Assert.True(zero.Next is null && zero.Errors is null); // 0 for a month with nothing reported: no change, the project stays planned
        var p7 = EnterpriseRules.ReportProgress(Firm, new ReportProgress("p7", "2022-03", 80m), Calendar).Next!.Projects[1];
        Assert.Equal([new MonthlyInvestment(M(2021, 6), 100m), new MonthlyInvestment(M(2022, 3), 80m)], p7.Monthly);
        var earlier = EnterpriseRules.ReportProgress(Firm, new ReportProgress("p7", "2021-02", 5m), Calendar).Next!.Projects[1];
        Assert.Equal([M(2021, 2), M(2021, 6), M(2022, 3)], earlier.Monthly.Select(m => m.Month));
        var cleared = EnterpriseRules.ReportProgress(Firm, new ReportProgress("p7", "2022-03", 0m), Calendar).Next!.Projects[1];
        Assert.Equal([M(2021, 6)], cleared.Monthly.Select(m => m.Month));
        Assert.Equal(ProjectStatus.Underway, cleared.Status);
        Assert.Null(EnterpriseRules.ReportProgress(Firm, new ReportProgress("p7", "2022-03", 50m), Calendar).Next); // the same amount again
        Assert.Equal(ProjectStatus.Planned, EnterpriseRules.ReportProgress(Firm with { Projects = [Firm.Projects[0] with { Monthly = [new(M(2022, 2), 1m)] }] },
            new ReportProgress("p1", "2022-02", 0m), Calendar).Next!.Projects[0].Status);

        Assert.Null(EnterpriseRules.ReportProgress(Firm, new ReportProgress("p7", "2022-08", 350m), Calendar).Errors); // 100 + 50 + 350 = total
        Assert.Contains("above its total investment", Message(EnterpriseRules.ReportProgress(Firm, new ReportProgress("p7", "2022-08", 350.01m), Calendar), "invested"));
        Assert.Null(EnterpriseRules.ReportProgress(Firm, new ReportProgress("p7", "2022-03", 400m), Calendar).Errors); // the month's own amount is replaced, not added
        Assert.Equal(["month"], Fields(EnterpriseRules.ReportProgress(Firm, new ReportProgress("p7", "2022-09", 1m), Calendar)));
        Assert.Null(EnterpriseRules.ReportProgress(Firm, new ReportProgress("p1", "2022-02", 1m), Calendar).Errors); // the start month itself
        Assert.Contains("start month", Message(EnterpriseRules.ReportProgress(Firm, new ReportProgress("p1", "2022-01", 1m), Calendar), "month"));
        Assert.Equal(["status"], Fields(EnterpriseRules.ReportProgress(Firm, new ReportProgress("px", "2021-01", 1m), Calendar)));
        Assert.Equal(["invested", "month"], Fields(EnterpriseRules.ReportProgress(Firm, new ReportProgress("p1", "March", -1m), Calendar)));
        Assert.Equal(["invested"], Fields(EnterpriseRules.ReportProgress(Firm, new ReportProgress("p1", "2022-03", 0.001m), Calendar)));
        var unknown = EnterpriseRules.ReportProgress(Firm, new ReportProgress("nope", "2022-03", 1m), Calendar);
        Assert.Null(unknown.Next);
        Assert.NotNull(unknown.Errors);
    }

    [Fact]
    public void Each_refusal_says_why_in_words()
    {
        var bad = EnterpriseRules.Upsert("bad id", null, new UpsertEnterprise("名", null, "gold", null, null), Calendar);
        Assert.Equal("must be 1–64 characters of A–Z, a–z, 0–9, '_' or '-'", Message(bad, "id"));
        Assert.Equal("is required", Message(bad, "countyId"));
        Assert.Equal("is required", Message(EnterpriseRules.Upsert("a", null, new UpsertEnterprise("名", "lushi", null, true, null), Calendar), "sector"));
        Assert.Equal("is required (true for an above-scale firm, 规上企业)", Message(bad, "aboveScale"));
        Assert.Equal("must not exceed totalInvestment", Message(EnterpriseRules.AddProject(Firm, new AddProject("a", "green", 100m, 100.01m, "2022-01", "2022-02")), "plannedThisYear"));
        Assert.Equal("must not be before startMonth", Message(EnterpriseRules.AddProject(Firm, new AddProject("a", "green", 100m, 0m, "2022-03", "2022-02")), "endMonth"));
        Assert.Equal(["endMonth"], Fields(EnterpriseRules.AddProject(Firm, new AddProject("a", "green", 100m, 0m, "2022-03", null))));
        Assert.Equal(["startMonth"], Fields(EnterpriseRules.AddProject(Firm, new AddProject("a", "green", 100m, 0m, null, "2022-03"))));
        var full = Firm with { Projects = [.. Enumerable.Range(1, EnterpriseRules.MaxProjects).Select(i => Firm.Projects[0] with { Id = $"p{i}" })] };
        Assert.Equal("an enterprise may hold at most 200 projects", Message(EnterpriseRules.AddProject(full, new AddProject("a", "green", 1m, 0m, "2022-01", "2022-01")), "projects"));
        Assert.Equal("the project is cancelled: no progress can be reported", Message(EnterpriseRules.ReportProgress(Firm, new ReportProgress("px", "2021-01", 1m), Calendar), "status"));
        Assert.Equal("would bring the project's completed investment to 500.01 yuan, above its total investment 500 yuan",
            Message(EnterpriseRules.ReportProgress(Firm, new ReportProgress("p7", "2022-08", 350.01m), Calendar), "invested"));
        Assert.Equal("must not be after the reporting month 2022-08", Message(EnterpriseRules.ReportProgress(Firm, new ReportProgress("p7", "2022-09", 1m), Calendar), "month"));
        Assert.Equal("no such project of this enterprise", Message(EnterpriseRules.ReportMonths(Firm, [new ReportProgress("nope", "2022-03", 1m)], Calendar), "rows[0].projectId"));
        Assert.Equal("must not be after the reporting month 2022-08", Message(EnterpriseRules.SetMilestone(Firm, new SetMilestone(Milestone.Digital, "2022-09"), Calendar), "month"));
        Assert.Equal("must not be after the reporting month 2022-08", Message(EnterpriseRules.AddCertification(Firm, new AddCertification("smart-workshop", "city", "2022-09"), Calendar), "month"));
        var certs = Firm with { Certifications = [.. Enumerable.Range(0, EnterpriseRules.MaxCertifications).Select(i => new Certification(CertificationKind.GreenFactory, CertificationLevel.City, M(2000 + i / 12, 1 + i % 12)))] };
        Assert.Equal("at most 100 certifications", Message(EnterpriseRules.AddCertification(certs, new AddCertification("smart-workshop", "national", "2022-01"), Calendar), "certifications"));
        var grant = new RecordGrant("2022-1", "nope", GrantClass.Subsidy, 300m, 400m, M(2022, 6));
        var refused = EnterpriseRules.RecordGrant(Firm, grant with { BatchId = "" });
        Assert.Equal("no such project of this enterprise", Message(refused, "projectId"));
        Assert.Equal("is required", Message(refused, "batchId"));
        Assert.Equal("must not exceed the amount awarded", Message(refused, "disbursed"));
        Assert.Equal(["status"], Fields(EnterpriseRules.AddProject(Firm, new AddProject("a", "green", 1m, 0m, "2022-01", "2022-01", "bogus"))));
        Assert.Equal(["month"], Fields(EnterpriseRules.SetMilestone(Firm, new SetMilestone(Milestone.Cloud, "2022-13"), Calendar)));
        // The first project (index 0) is found like any other.
        Assert.Equal(ProjectStatus.Underway, EnterpriseRules.SetProjectStatus(Firm, new SetProjectStatus("p1", "underway")).Next!.Projects[0].Status);
    }

    [Fact]
    public void Several_months_apply_together_or_the_first_bad_row_refuses_all()
    {
        var both = EnterpriseRules.ReportMonths(Firm, [new ReportProgress("p1", "2022-03", 10m), new ReportProgress("p7", "2022-04", 20m)], Calendar);
        Assert.Equal((10m, 170m), (both.Next!.Projects[0].Invested, both.Next.Projects[1].Invested));
        Assert.Null(EnterpriseRules.ReportMonths(Firm, [new ReportProgress("p7", "2022-03", 50m)], Calendar).Next);
        Assert.Equal(["rows[1].projectId"], Fields(EnterpriseRules.ReportMonths(Firm, [new ReportProgress("p1", "2022-03", 10m), new ReportProgress("nope", "2022-03", 1m)], Calendar)));
        var bad = EnterpriseRules.ReportMonths(Firm, [new ReportProgress("p1", "2022-03", 10m), new ReportProgress("p7", "2022-09", 1m)], Calendar);
        Assert.Null(bad.Next);
        Assert.Equal(["rows[1].month"], Fields(bad));
        Assert.Contains("reporting month", Message(bad, "rows[1].month"));
    }

    [Fact]
    public void A_project_status_changes_except_out_of_cancelled()
    {
        Assert.Equal(ProjectStatus.Completed, EnterpriseRules.SetProjectStatus(Firm, new SetProjectStatus("p7", "completed")).Next!.Projects[1].Status);
        Assert.Equal(ProjectStatus.Cancelled, EnterpriseRules.SetProjectStatus(Firm, new SetProjectStatus("p7", "cancelled")).Next!.Projects[1].Status);
        Assert.Null(EnterpriseRules.SetProjectStatus(Firm, new SetProjectStatus("p7", "underway")).Next);
        Assert.Null(EnterpriseRules.SetProjectStatus(Firm, new SetProjectStatus("px", "cancelled")).Errors);
        Assert.Contains("stays cancelled", Message(EnterpriseRules.SetProjectStatus(Firm, new SetProjectStatus("px", "underway")), "status"));
        Assert.Equal(["status"], Fields(EnterpriseRules.SetProjectStatus(Firm, new SetProjectStatus("p7", "finished"))));
        Assert.NotNull(EnterpriseRules.SetProjectStatus(Firm, new SetProjectStatus("nope", "underway")).Errors);
        Assert.Null(EnterpriseRules.SetProjectStatus(Firm, new SetProjectStatus("nope", "underway")).Next);
    }

    [Fact]
    public void Milestones_are_set_up_to_the_reporting_month_and_cleared_with_no_month()
    {
        var cloud = EnterpriseRules.SetMilestone(Firm, new SetMilestone(Milestone.Cloud, "2022-08"), Calendar).Next!;
        Assert.Equal((M(2022, 8), (YearMonth?)null), (cloud.CloudSince, cloud.DigitalSince));
        var digital = EnterpriseRules.SetMilestone(Firm, new SetMilestone(Milestone.Digital, "2021-01"), Calendar).Next!;
        Assert.Equal(((YearMonth?)null, M(2021, 1)), (digital.CloudSince, digital.DigitalSince));
        Assert.Equal(["month"], Fields(EnterpriseRules.SetMilestone(Firm, new SetMilestone(Milestone.Cloud, "2022-09"), Calendar)));
        Assert.Null(EnterpriseRules.SetMilestone(Firm, new SetMilestone(Milestone.Cloud, null), Calendar).Next); // already clear
        Assert.Null(EnterpriseRules.SetMilestone(cloud, new SetMilestone(Milestone.Cloud, null), Calendar).Next!.CloudSince);
        Assert.Null(EnterpriseRules.SetMilestone(cloud, new SetMilestone(Milestone.Cloud, "2022-08"), Calendar).Next);
    }

    [Fact]
    public void A_certification_is_added_once_per_kind_and_level_up_to_the_reporting_month()
    {
        var one = EnterpriseRules.AddCertification(Firm, new AddCertification("smart-workshop", "city", "2022-08"), Calendar).Next!;
        Assert.Equal([new Certification(CertificationKind.SmartWorkshop, CertificationLevel.City, M(2022, 8))], one.Certifications);
        Assert.Null(EnterpriseRules.AddCertification(one, new AddCertification("smart-workshop", "city", "2022-01"), Calendar).Next);
        Assert.Equal(2, EnterpriseRules.AddCertification(one, new AddCertification("smart-workshop", "provincial", "2022-01"), Calendar).Next!.Certifications.Length);
        Assert.Equal(2, EnterpriseRules.AddCertification(one, new AddCertification("green-factory", "city", "2022-01"), Calendar).Next!.Certifications.Length);
        Assert.Equal(["kind", "level", "month"], Fields(EnterpriseRules.AddCertification(Firm, new AddCertification("gold-medal", "galactic", null), Calendar)));
        Assert.Equal(["month"], Fields(EnterpriseRules.AddCertification(Firm, new AddCertification("smart-workshop", "city", "2022-09"), Calendar)));
        var full = Firm with { Certifications = [.. Enumerable.Range(0, EnterpriseRules.MaxCertifications).Select(i => new Certification(CertificationKind.GreenFactory, CertificationLevel.City, M(2000 + i / 12, 1 + i % 12)))] };
        Assert.Equal(["certifications"], Fields(EnterpriseRules.AddCertification(full, new AddCertification("smart-workshop", "national", "2022-01"), Calendar)));
        Assert.Null(EnterpriseRules.AddCertification(full with { Certifications = full.Certifications[1..] }, new AddCertification("smart-workshop", "national", "2022-01"), Calendar).Errors);
    }

    [Fact]
    public void A_grant_is_recorded_once_per_batch_and_project_and_a_newer_copy_replaces_it()
    {
        var grant = new RecordGrant("2022-1", "p7", GrantClass.Subsidy, 300m, 100m, M(2022, 6));
        var once = EnterpriseRules.RecordGrant(Firm, grant).Next!;
        Assert.Equal([new GrantReceived { BatchId = "2022-1", ProjectId = "p7", Class = GrantClass.Subsidy, Awarded = 300m, Disbursed = 100m, AwardedMonth = M(2022, 6) }], once.Grants);
        Assert.Null(EnterpriseRules.RecordGrant(once, grant).Next);
        var paid = EnterpriseRules.RecordGrant(once, grant with { Disbursed = 300m }).Next!;
        Assert.Equal((1, 300m), (paid.Grants.Length, paid.Grants[0].Disbursed));
        Assert.Equal(2, EnterpriseRules.RecordGrant(once, grant with { BatchId = "2023-1" }).Next!.Grants.Length);
        Assert.Equal(2, EnterpriseRules.RecordGrant(once, grant with { ProjectId = "p1" }).Next!.Grants.Length);
        Assert.Null(EnterpriseRules.RecordGrant(once, grant with { Disbursed = 300m }).Errors);
        Assert.Equal(["disbursed"], Fields(EnterpriseRules.RecordGrant(Firm, grant with { Disbursed = 300.01m })));
        Assert.Equal(["batchId", "projectId"], Fields(EnterpriseRules.RecordGrant(Firm, grant with { BatchId = " ", ProjectId = "nope" })));
        Assert.Equal(["awarded", "disbursed"], Fields(EnterpriseRules.RecordGrant(Firm, grant with { Awarded = -1m, Disbursed = -2m })));
    }
}
