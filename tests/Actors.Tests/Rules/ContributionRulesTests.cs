using CsCheck;
using Programme.Aggregation;
using Programme.Domain;
using Programme.Grains.Enterprises;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Rules;

/// <summary>
/// What one enterprise adds to its county's board (ContributionCalculator), as pure unit tests: random firms against the
/// test-side statement of the rules (<see cref="BoardRules"/>), and hand-worked firms at every boundary of a rule.
/// </summary>
public sealed class ContributionRulesTests
{
    private static readonly ProgrammeCalendar Calendar = ProgrammeCalendar.Default; // 2022, reported to 2022-08
    private static YearMonth M(int y, int m) => new(y, m);

    private static Project P(string id, ProjectKind kind, ProjectStatus status, YearMonth start, YearMonth end, decimal total = 1_000m,
        decimal planned = 100m, params (YearMonth Month, decimal Amount)[] monthly) => new()
    {
        Id = id, Name = id, Kind = kind, Status = status, StartMonth = start, EndMonth = end, TotalInvestment = total, PlannedThisYear = planned,
        Monthly = [.. monthly.Select(x => new MonthlyInvestment(x.Month, x.Amount))],
    };

    private static Enterprise Firm(bool above = true, OperatingStatus status = OperatingStatus.Active, Project[]? projects = null,
        YearMonth? cloud = null, YearMonth? digital = null, Certification[]? certs = null, GrantReceived[]? grants = null) => new()
    {
        Id = "f", Name = "f", CountyId = "lingbao", Sector = "gold", AboveScale = above, Status = status, Projects = projects ?? [],
        CloudSince = cloud, DigitalSince = digital, Certifications = certs ?? [], Grants = grants ?? [],
    };

    private static readonly Gen<YearMonth> MonthGen = Gen.Select(Gen.Int[2019, 2024], Gen.Int[1, 12]).Select(t => new YearMonth(t.Item1, t.Item2));

    private static readonly Gen<YearMonth?> OptionalMonth = Gen.Select(Gen.Bool, MonthGen).Select(t => t.Item1 ? (YearMonth?)t.Item2 : null);

    private static readonly Gen<Project> ProjectGen =
        Gen.Select(Gen.Enum<ProjectKind>(), Gen.Enum<ProjectStatus>(), MonthGen, Gen.Int[0, 30], Gen.Int[0, 5_000],
                Gen.Select(MonthGen, Gen.Int[-2, 900]).Array[0, 6])
            .Select(t => P("p", t.Item1, t.Item2, t.Item3, t.Item3.AddMonths(t.Item4), t.Item5 * 1_000m, t.Item5 * 300m,
                [.. t.Item6.Select(x => (x.Item1, x.Item2 * 1_000m))]));

    private static readonly Gen<Enterprise> FirmGen =
        Gen.Select(Gen.Bool, Gen.Enum<OperatingStatus>(), ProjectGen.Array[0, 5], OptionalMonth, OptionalMonth,
                Gen.Select(Gen.Enum<CertificationKind>(), MonthGen).Array[0, 4],
                Gen.Select(Gen.Int[1, 4], Gen.Int[0, 500], Gen.Int[0, 500]).Array[0, 3])
            .Select(t => Firm(t.Item1, t.Item2, [.. t.Item3.Select((p, i) => p with { Id = $"p{i + 1}" })], t.Item4, t.Item5,
                [.. t.Item6.Select(c => new Certification(c.Item1, CertificationLevel.City, c.Item2))],
                [.. t.Item7.Select(g => new GrantReceived { BatchId = "b", ProjectId = $"p{g.Item1}", Awarded = g.Item2 * 100m, Disbursed = g.Item3 * 10m })]));

    [Fact]
    public void Any_firm_contributes_what_the_rules_say()
    {
        FirmGen.Sample(firm =>
            Assert.Equal(Recompute.Figures(BoardRules.Expected(firm, Calendar)), Recompute.Figures(ContributionCalculator.Compute(firm, Calendar))),
            iter: 3_000);
    }

    [Fact]
    public void An_above_scale_firm_counts_its_implemented_projects_by_kind_and_their_investment()
    {
        var firm = Firm(projects:
        [
            P("a", ProjectKind.Intelligent, ProjectStatus.Underway, M(2021, 3), M(2022, 6), 5_000m, 2_000m, (M(2021, 12), 700m), (M(2022, 1), 300m), (M(2022, 8), 50m)),
            P("b", ProjectKind.Green, ProjectStatus.Completed, M(2020, 1), M(2021, 12), 2_000m, 0m, (M(2021, 5), 1_000m)),
            P("c", ProjectKind.Technical, ProjectStatus.Planned, M(2022, 9), M(2023, 6), 900m, 400m),
            P("d", ProjectKind.Intelligent, ProjectStatus.Cancelled, M(2022, 1), M(2022, 12), 9_999m, 9_999m, (M(2022, 2), 9_999m)),
            P("e", ProjectKind.Green, ProjectStatus.Completed, M(2022, 1), M(2022, 7), 100m, 100m, (M(2022, 9), 40m), (M(2023, 1), 1m)),
        ]);
        var c = ContributionCalculator.Compute(firm, Calendar);
        Assert.Equal((1, 1, 1), (c.Enterprises, c.AboveScale, c.Covered));
        Assert.Equal((3, 1, 2, 0), (c.Projects, c.Intelligent, c.Green, c.Technical)); // implemented only: not the planned c
        Assert.Equal(7_100m, c.TotalInvestment);                 // not the cancelled one, not the planned one
        Assert.Equal(2_091m, c.Completed);                       // every month, any year
        Assert.Equal(350m, c.CompletedThisYear);                  // 2022-01 … 2022-08 only: not 2022-09, not 2023
        Assert.Equal(300m, c.CompletedByMonth[0]);
        Assert.Equal(50m, c.CompletedByMonth[7]);
        Assert.Equal(0m, c.CompletedByMonth[8]);
        Assert.Equal(2, c.ProjectsThisYear);                      // a and e run in 2022; b ended 2021; c is only planned
        Assert.Equal(2_100m, c.PlannedThisYear);
        Assert.Equal(5_100m, c.InvestmentThisYear);
        Assert.Equal(1, c.CompletedProjectsThisYear);             // e
        Assert.Equal((0, 0), (c.BelowScaleEnterprises, c.BelowScaleProjects));
    }

    [Fact]
    public void A_project_counts_this_year_from_its_start_year_through_its_end_year()
    {
        Contribution One(YearMonth start, YearMonth end, ProjectStatus status = ProjectStatus.Underway) =>
            ContributionCalculator.Compute(Firm(projects: [P("a", ProjectKind.Green, status, start, end)]), Calendar);
        Assert.Equal(1, One(M(2022, 12), M(2023, 1)).ProjectsThisYear);
        Assert.Equal(1, One(M(2021, 1), M(2022, 1)).ProjectsThisYear);
        Assert.Equal(0, One(M(2023, 1), M(2023, 2)).ProjectsThisYear);
        Assert.Equal(0, One(M(2020, 1), M(2021, 12)).ProjectsThisYear);
        Assert.Equal(0, One(M(2022, 1), M(2022, 12), ProjectStatus.Planned).ProjectsThisYear);
        Assert.Equal(1, One(M(2022, 1), M(2022, 12), ProjectStatus.Completed).CompletedProjectsThisYear);
        Assert.Equal(0, One(M(2021, 1), M(2023, 1), ProjectStatus.Completed).CompletedProjectsThisYear); // ends in 2023
        Assert.Equal(0, One(M(2022, 1), M(2022, 12), ProjectStatus.Underway).CompletedProjectsThisYear);
    }

    [Fact]
    public void Coverage_needs_an_above_scale_firm_with_an_underway_or_completed_project()
    {
        Assert.Equal(0, ContributionCalculator.Compute(Firm(projects: [P("a", ProjectKind.Green, ProjectStatus.Planned, M(2022, 1), M(2022, 2))]), Calendar).Covered);
        Assert.Equal(0, ContributionCalculator.Compute(Firm(projects: [P("a", ProjectKind.Green, ProjectStatus.Cancelled, M(2022, 1), M(2022, 2))]), Calendar).Covered);
        Assert.Equal(1, ContributionCalculator.Compute(Firm(projects: [P("a", ProjectKind.Green, ProjectStatus.Completed, M(2019, 1), M(2019, 2))]), Calendar).Covered);
        Assert.Equal(0, ContributionCalculator.Compute(Firm(above: false, projects: [P("a", ProjectKind.Green, ProjectStatus.Underway, M(2022, 1), M(2022, 2))]), Calendar).Covered);
        Assert.Equal(0, ContributionCalculator.Compute(Firm(), Calendar).Covered);
    }

    [Fact]
    public void A_below_scale_firm_is_reported_apart()
    {
        var firm = Firm(above: false, projects:
        [
            P("a", ProjectKind.Green, ProjectStatus.Underway, M(2022, 1), M(2022, 12), 500m, 100m, (M(2022, 3), 80m)),
            P("b", ProjectKind.Green, ProjectStatus.Planned, M(2022, 1), M(2022, 12)),
            P("c", ProjectKind.Green, ProjectStatus.Cancelled, M(2022, 1), M(2022, 12)),
        ], digital: M(2022, 2), cloud: M(2022, 2));
        var c = ContributionCalculator.Compute(firm, Calendar);
        Assert.Equal((1, 0, 0, 1, 1), (c.Enterprises, c.AboveScale, c.Covered, c.BelowScaleEnterprises, c.BelowScaleProjects)); // implemented only
        Assert.Equal((0, 0, 0m, 0m, 0m), (c.Projects, c.ProjectsThisYear, c.TotalInvestment, c.Completed, c.CompletedThisYear));
        Assert.Same(Contribution.NoMonths, c.CompletedByMonth);
        Assert.Equal((0, 1, 1, 1), (c.DigitalThisYear, c.DigitalTotal, c.CloudThisYear, c.CloudTotal));
        Assert.Equal(0, ContributionCalculator.Compute(Firm(above: false), Calendar).BelowScaleEnterprises);
        var onlyCancelled = Firm(above: false, projects: [P("c", ProjectKind.Green, ProjectStatus.Cancelled, M(2022, 1), M(2022, 12))]);
        Assert.Equal((0, 0), (ContributionCalculator.Compute(onlyCancelled, Calendar).BelowScaleEnterprises, ContributionCalculator.Compute(onlyCancelled, Calendar).BelowScaleProjects));
    }

    [Fact]
    public void Milestones_count_from_their_month_up_to_the_reporting_month()
    {
        Contribution With(YearMonth? cloud, YearMonth? digital) => ContributionCalculator.Compute(Firm(cloud: cloud, digital: digital), Calendar);
        Assert.Equal((1, 1, 1, 1), Tuple(With(M(2022, 8), M(2022, 1))));
        Assert.Equal((0, 0, 0, 0), Tuple(With(M(2022, 9), M(2023, 1))));
        Assert.Equal((0, 1, 0, 1), Tuple(With(M(2021, 12), M(2020, 5))));
        Assert.Equal((0, 0, 0, 0), Tuple(With(null, null)));
        static (int, int, int, int) Tuple(Contribution c) => (c.CloudThisYear, c.CloudTotal, c.DigitalThisYear, c.DigitalTotal);
    }

    [Fact]
    public void Certifications_of_the_year_count_by_kind_and_all_count_to_date()
    {
        var firm = Firm(certs:
        [
            new(CertificationKind.SmartFactory, CertificationLevel.Provincial, M(2022, 1)),
            new(CertificationKind.SmartWorkshop, CertificationLevel.City, M(2022, 8)),
            new(CertificationKind.GreenFactory, CertificationLevel.National, M(2022, 5)),
            new(CertificationKind.GreenFactory, CertificationLevel.National, M(2022, 9)),
            new(CertificationKind.SmartFactory, CertificationLevel.City, M(2021, 12)),
            new(CertificationKind.SmartManufacturingBenchmark, CertificationLevel.City, M(2022, 3)),
            new(CertificationKind.IntegrationDemonstration, CertificationLevel.City, M(2022, 3)),
        ]);
        var c = ContributionCalculator.Compute(firm, Calendar);
        Assert.Equal((2, 1, 7), (c.SmartCertificationsThisYear, c.GreenCertificationsThisYear, c.Certifications));
    }

    [Fact]
    public void Grants_add_up_and_count_each_project_once_and_operating_status_is_counted()
    {
        var firm = Firm(status: OperatingStatus.SemiHalted, grants:
        [
            new() { BatchId = "2021-1", ProjectId = "p1", Awarded = 300m, Disbursed = 100m },
            new() { BatchId = "2022-1", ProjectId = "p1", Awarded = 200m, Disbursed = 0m },
            new() { BatchId = "2022-1", ProjectId = "p2", Awarded = 50m, Disbursed = 50m },
        ]);
        var c = ContributionCalculator.Compute(firm, Calendar);
        Assert.Equal((550m, 150m, 2), (c.GrantsAwarded, c.GrantsDisbursed, c.GrantedProjects));
        Assert.Equal((0, 1, 0), (c.Halted, c.SemiHalted, c.Revived));
        Assert.Equal((1, 0, 0), (ContributionCalculator.Compute(Firm(status: OperatingStatus.Halted), Calendar).Halted, 0, 0));
        Assert.Equal(1, ContributionCalculator.Compute(Firm(status: OperatingStatus.Revived), Calendar).Revived);
        Assert.Equal((0, 0, 0), (ContributionCalculator.Compute(Firm(), Calendar).Halted, ContributionCalculator.Compute(Firm(), Calendar).SemiHalted,
            ContributionCalculator.Compute(Firm(), Calendar).Revived));
    }

    [Fact]
    public void The_summary_line_and_report_carry_the_firm_and_its_figures()
    {
        var firm = Firm(projects:
        [
            P("a", ProjectKind.Green, ProjectStatus.Underway, M(2022, 1), M(2022, 12), 1_000m, 0m, (M(2021, 3), 10m), (M(2022, 2), 5m)),
            P("b", ProjectKind.Green, ProjectStatus.Cancelled, M(2022, 1), M(2022, 12), 7_000m, 0m, (M(2022, 2), 70m)),
            P("c", ProjectKind.Technical, ProjectStatus.Planned, M(2022, 1), M(2022, 12), 500m, 0m, (M(2022, 4), 20m)),
        ], cloud: M(2022, 1), certs: [new(CertificationKind.GreenFactory, CertificationLevel.City, M(2020, 1))],
            grants: [new() { BatchId = "b", ProjectId = "a", Awarded = 9m }]) with { Version = 7, Name = "某企业", Sector = "food", Status = OperatingStatus.Revived };
        var report = ContributionCalculator.Report(firm, Calendar);
        Assert.Equal(("f", "lingbao", 7L), (report.EnterpriseId, report.CountyId, report.Version));
        var s = report.Summary!;
        Assert.Equal(("f", "某企业", "food", true, OperatingStatus.Revived, true), (s.Id, s.Name, s.Sector, s.AboveScale, s.Status, s.Covered));
        // Projects and this year's completion count implemented projects; the line's investment figures are the firm's live projects'.
        Assert.Equal((1, 1_500m, 35m, 5m, 7L), (s.Projects, s.TotalInvestment, s.Completed, s.CompletedThisYear, s.Version));
        Assert.Equal((true, false, 1, 9m), (s.Cloud, s.Digital, s.Certifications, s.GrantsAwarded));
        var below = ContributionCalculator.Report(firm with { AboveScale = false }, Calendar).Summary!;
        Assert.Equal((1, false), (below.Projects, below.Covered)); // implemented projects only
    }
}
