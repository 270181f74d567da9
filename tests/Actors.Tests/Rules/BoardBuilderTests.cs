using Programme.Aggregation;
using Programme.Boards;
using Programme.Domain;
using Programme.Grains.Boards;

namespace Programme.Tests.Rules;

/// <summary>Board shape, red/amber/green status, composite score and league (BoardBuilder), as pure unit tests.</summary>
public sealed class BoardBuilderTests
{
    private static readonly ProgrammeCalendar August = ProgrammeCalendar.Default; // 8/12 of 2022 elapsed
    private static readonly ProgrammeTargets Targets = new()
    {
        Coverage = 1.0m, ProjectsThisYear = 100, CompletedThisYear = 1_200m, CloudIndustrial = 10, DigitalAboveScale = 10,
        SmartCertifications = 6, GreenCertifications = 4, InvestmentThisYear = 5_000m, CloudSme = 7, DigitalSme = 8,
        FullCoverageBy = new YearMonth(2022, 12),
    };

    [Fact]
    public void Coverage_is_covered_over_above_scale_to_six_places_and_zero_for_none()
    {
        Assert.Equal(0.920086m, BoardBuilder.Coverage(new Contribution { AboveScale = 463, Covered = 426 }));
        Assert.Equal(0m, BoardBuilder.Coverage(new Contribution { AboveScale = 0, Covered = 0 }));
        Assert.Equal(1m, BoardBuilder.Coverage(new Contribution { AboveScale = 3, Covered = 3 }));
    }

    [Fact]
    public void Flow_targets_are_green_on_pace_amber_within_ten_points_red_below()
    {
        // Pace 8/12 = 0.6667: projects 67 % green, 57 % amber (within 10 points), 56 % red.
        string Projects(int n) => BoardBuilder.Status(new Contribution { ProjectsThisYear = n }, Targets, August).ProjectsThisYear;
        Assert.Equal(Rag.Green, Projects(67));
        Assert.Equal(Rag.Amber, Projects(66));
        Assert.Equal(Rag.Amber, Projects(57));
        Assert.Equal(Rag.Red, Projects(56));
        var pace = new ProgrammeCalendar(2022, new YearMonth(2022, 6)); // exactly 0.5
        Assert.Equal(Rag.Green, BoardBuilder.Status(new Contribution { ProjectsThisYear = 50 }, Targets, pace).ProjectsThisYear);
        Assert.Equal(Rag.Amber, BoardBuilder.Status(new Contribution { ProjectsThisYear = 40 }, Targets, pace).ProjectsThisYear);
        Assert.Equal(Rag.Red, BoardBuilder.Status(new Contribution { ProjectsThisYear = 39 }, Targets, pace).ProjectsThisYear);

        var s = BoardBuilder.Status(new Contribution { CompletedThisYear = 800m, CloudThisYear = 5, DigitalThisYear = 7, SmartCertificationsThisYear = 3, GreenCertificationsThisYear = 4 }, Targets, August);
        Assert.Equal((Rag.Green, Rag.Red, Rag.Green, Rag.Green), (s.CompletedThisYear, s.Cloud, s.Digital, s.Certifications));
        Assert.Equal(Rag.Amber, BoardBuilder.Status(new Contribution { SmartCertificationsThisYear = 6 }, Targets, August).Certifications); // 6/10
        // No target: met.
        Assert.Equal(Rag.Green, BoardBuilder.Status(new Contribution(), new ProgrammeTargets(), August).ProjectsThisYear);
    }

    [Fact]
    public void Coverage_is_green_at_target_amber_within_two_points_red_below()
    {
        string Rag(int covered) => BoardBuilder.Status(new Contribution { AboveScale = 100, Covered = covered }, Targets, August).Coverage;
        Assert.Equal(Boards.Rag.Green, Rag(100));
        Assert.Equal(Boards.Rag.Amber, Rag(99));
        Assert.Equal(Boards.Rag.Amber, Rag(98));
        Assert.Equal(Boards.Rag.Red, Rag(97));
    }

    [Fact]
    public void The_score_weighs_each_target_caps_each_part_and_judges_flows_against_the_calendar()
    {
        // Everything exactly on target at year end: 100 (each part may reach 120 % of its weight).
        var year = new ProgrammeCalendar(2022, new YearMonth(2022, 12));
        var onTarget = new Contribution
        {
            AboveScale = 10, Covered = 10, ProjectsThisYear = 100, CompletedThisYear = 1_200m, CloudThisYear = 10, DigitalThisYear = 10,
            SmartCertificationsThisYear = 6, GreenCertificationsThisYear = 4,
        };
        Assert.Equal(100m, BoardBuilder.Score(onTarget, Targets, year));
        // Double everything: each part is capped at 120 %, so the score is 120.
        var twice = onTarget with { ProjectsThisYear = 200, CompletedThisYear = 2_400m, CloudThisYear = 20, DigitalThisYear = 20, SmartCertificationsThisYear = 12, GreenCertificationsThisYear = 8 };
        Assert.Equal(120m, BoardBuilder.Score(twice, Targets with { Coverage = 0.5m }, year));
        // Each part alone: coverage 40, investment 30, projects 15, cloud, digital, certifications 5 each.
        var none = new Contribution();
        Assert.Equal(0m, BoardBuilder.Score(none with { AboveScale = 10 }, Targets, year));
        Assert.Equal(40m, BoardBuilder.Score(none with { AboveScale = 10, Covered = 10 }, Targets, year));
        Assert.Equal(30m, BoardBuilder.Score(none with { CompletedThisYear = 1_200m, AboveScale = 1 }, Targets, year));
        Assert.Equal(15m, BoardBuilder.Score(none with { ProjectsThisYear = 100, AboveScale = 1 }, Targets, year));
        Assert.Equal(5m, BoardBuilder.Score(none with { CloudThisYear = 10, AboveScale = 1 }, Targets, year));
        Assert.Equal(5m, BoardBuilder.Score(none with { DigitalThisYear = 10, AboveScale = 1 }, Targets, year));
        Assert.Equal(5m, BoardBuilder.Score(none with { SmartCertificationsThisYear = 6, GreenCertificationsThisYear = 4, AboveScale = 1 }, Targets, year));
        // In August, 800 completed of 1,200 is on the calendar's pace: the full 30 points.
        Assert.Equal(30m, BoardBuilder.Score(none with { CompletedThisYear = 800m, AboveScale = 1 }, Targets, August));
        Assert.Equal(5m, BoardBuilder.Score(none with { CloudThisYear = 10, AboveScale = 1 }, Targets, new ProgrammeCalendar(2022, new YearMonth(2022, 12))));
        // Cloud, digital and certifications are judged against the calendar too: 4 of 10 by August is 60 % of pace.
        Assert.Equal(3m, BoardBuilder.Score(none with { CloudThisYear = 4, AboveScale = 1 }, Targets, August));
        Assert.Equal(3m, BoardBuilder.Score(none with { DigitalThisYear = 4, AboveScale = 1 }, Targets, August));
        Assert.Equal(3m, BoardBuilder.Score(none with { SmartCertificationsThisYear = 2, GreenCertificationsThisYear = 2, AboveScale = 1 }, Targets, August));
        // Before the year starts the pace is floored at one month.
        Assert.Equal(30m, BoardBuilder.Score(none with { CompletedThisYear = 100m, AboveScale = 1 }, Targets, new ProgrammeCalendar(2022, new YearMonth(2021, 12))));
    }

    [Fact]
    public void A_county_board_carries_its_figures_targets_and_trend()
    {
        var months = new decimal[12];
        months[0] = 10m; months[6] = 5m; months[7] = 20m; months[8] = 99m;
        var t = new Contribution
        {
            Enterprises = 5, AboveScale = 4, Covered = 3, Projects = 7, ProjectsThisYear = 6, Intelligent = 1, Green = 2, Technical = 4,
            CompletedProjectsThisYear = 2, TotalInvestment = 1_000m, Completed = 600m, PlannedThisYear = 300m, CompletedThisYear = 35m,
            InvestmentThisYear = 800m, BelowScaleEnterprises = 1, BelowScaleProjects = 2, CloudThisYear = 1, CloudTotal = 3, DigitalThisYear = 2,
            DigitalTotal = 4, SmartCertificationsThisYear = 1, GreenCertificationsThisYear = 2, Certifications = 9, GrantsAwarded = 50m,
            GrantsDisbursed = 20m, GrantedProjects = 2, Halted = 1, SemiHalted = 2, Revived = 3, CompletedByMonth = months,
        };
        var b = BoardBuilder.County(CountyCatalogue.Get("lingbao"), 42, t, Targets, August);
        Assert.Equal(("county:lingbao", 42L, "lingbao", "2022-08", 2022, 0.6667m), (b.Scope, b.Version, b.CountyId, b.ReportingMonth, b.ProgrammeYear, b.CalendarProgress));
        Assert.False(string.IsNullOrEmpty(b.Name));
        Assert.False(string.IsNullOrEmpty(b.NameEn));
        Assert.Equal(new BoardEnterprises(4, 3, 0.75m, 1, 5, 2022, 0, new Boards.BoardList(2021, 4, 3, 0.75m)), b.Enterprises);
        Assert.Equal(new BoardProjects(7, 6, 1, 2, 4, 2), b.Projects);
        Assert.Equal(new BoardInvestment(1_000m, 600m, 300m, 35m, 800m), b.Investment);
        Assert.Equal(new BoardBelowScale(1, 2), b.BelowScale);
        Assert.Equal(new BoardMilestones(1, 10, 3), b.Cloud);
        Assert.Equal(new BoardMilestones(2, 10, 4), b.Digital);
        Assert.Equal(new BoardCertifications(1, 6, 2, 4, 9), b.Certifications);
        Assert.Equal(new BoardFund(50m, 20m, 2), b.Fund);
        Assert.Equal(new BoardOperating(1, 2, 3), b.Operating);
        Assert.Equal((1.0m, 100, 5_000m, 1_200m, 10, 7, 10, 8, 6, 4, "2022-12"), (b.Targets.Coverage, b.Targets.ProjectsThisYear, b.Targets.InvestmentThisYear,
            b.Targets.CompletedThisYear, b.Targets.CloudIndustrial, b.Targets.CloudSme, b.Targets.DigitalAboveScale, b.Targets.DigitalSme,
            b.Targets.SmartCertifications, b.Targets.GreenCertifications, b.Targets.FullCoverageBy));
        Assert.Null(b.Counties);
        Assert.Equal(BoardBuilder.Status(t, Targets, August), b.Status);
        Assert.Equal(BoardBuilder.Score(t, Targets, August), b.Score);
        // The trend runs January … the reporting month: monthly amounts and their running sum.
        Assert.Equal(["2022-01", "2022-02", "2022-03", "2022-04", "2022-05", "2022-06", "2022-07", "2022-08"], b.Trend.Select(p => p.Month));
        Assert.Equal([10m, 0m, 0m, 0m, 0m, 0m, 5m, 20m], b.Trend.Select(p => p.Completed));
        Assert.Equal([10m, 10m, 10m, 10m, 10m, 10m, 15m, 35m], b.Trend.Select(p => p.Cumulative));
    }

    [Fact]
    public void The_trend_covers_the_whole_year_once_it_is_over_and_none_of_it_before_it_starts()
    {
        var t = new Contribution { CompletedByMonth = Enumerable.Range(1, 12).Select(i => (decimal)i).ToArray() };
        var after = BoardBuilder.County(CountyCatalogue.Get("lushi"), 1, t, Targets, new ProgrammeCalendar(2022, new YearMonth(2023, 2)));
        Assert.Equal(12, after.Trend.Count);
        Assert.Equal(78m, after.Trend[^1].Cumulative);
        Assert.Equal(1m, after.CalendarProgress);
        var before = BoardBuilder.County(CountyCatalogue.Get("lushi"), 1, t, Targets, new ProgrammeCalendar(2022, new YearMonth(2021, 11)));
        Assert.Empty(before.Trend);
        Assert.Equal(0m, before.CalendarProgress);
        var shortMonths = BoardBuilder.County(CountyCatalogue.Get("lushi"), 1, new Contribution { CompletedByMonth = [1m, 2m] }, Targets, August);
        Assert.Equal([1m, 2m, 0m, 0m, 0m, 0m, 0m, 0m], shortMonths.Trend.Select(p => p.Completed));
    }

    [Fact]
    public void The_city_adds_its_counties_and_ranks_them_by_score_then_coverage_then_id_listing_the_silent_ones_last()
    {
        CountyTotals C(string id, int covered, decimal completed, long version = 3) => new(id, version,
            new Contribution { Enterprises = 10, AboveScale = 10, Covered = covered, CompletedThisYear = completed, PlannedThisYear = 1m, ProjectsThisYear = 2 },
            new ProgrammeTargets { ProjectsThisYear = 4, CompletedThisYear = 100m });
        var counties = new[] { C("lushi", 5, 100m), C("lingbao", 9, 10m), C("yima", 9, 10m), C("mianchi", 10, 0m, version: 9) };
        var city = BoardBuilder.City(77, counties, Targets, August);
        Assert.Equal(("city", 77L), (city.Scope, city.Version));
        Assert.Equal((40, 33, 120m), (city.Enterprises.AboveScale, city.Enterprises.Covered, city.Investment.CompletedThisYear));
        var rows = city.Counties!;
        Assert.Equal(8, rows.Count);
        Assert.Equal(Enumerable.Range(1, 8), rows.Select(r => r.Rank));
        var ranked = rows.Take(4).ToList();
        Assert.Equal(ranked.OrderByDescending(r => r.Score).Select(r => r.Score), ranked.Select(r => r.Score));
        // lingbao and yima tie on everything: the id decides.
        Assert.True(rows.ToList().FindIndex(r => r.Id == "lingbao") < rows.ToList().FindIndex(r => r.Id == "yima"));
        Assert.Equal(["etdz", "hubin", "shanzhou", "urdz"], rows.Skip(4).Select(r => r.Id).Order());
        Assert.All(rows.Skip(4), r => Assert.Equal((0, 0L, 0), (r.AboveScale, r.Version, r.Covered)));
        var mianchi = rows.Single(r => r.Id == "mianchi");
        Assert.Equal((10, 10, 1m, 0, 1m, 0m, 2, 4, 100m, 9L), (mianchi.AboveScale, mianchi.Covered, mianchi.Coverage, mianchi.Uncovered,
            mianchi.PlannedThisYear, mianchi.CompletedThisYear, mianchi.ProjectsThisYear, mianchi.ProjectsTarget, mianchi.CompletedTarget, mianchi.Version));
        Assert.Equal(5, rows.Single(r => r.Id == "lushi").Uncovered);
        Assert.False(string.IsNullOrEmpty(mianchi.Name));
        Assert.False(string.IsNullOrEmpty(mianchi.NameEn));
        var targets = new ProgrammeTargets { ProjectsThisYear = 4, CompletedThisYear = 100m };
        Assert.Equal(BoardBuilder.Score(counties[3].Totals, targets, August), mianchi.Score);
        Assert.Equal(BoardBuilder.Status(counties[3].Totals, targets, August), mianchi.Status);
        // Equal scores: the higher coverage ranks first.
        var tie = BoardBuilder.City(1, [C("lushi", 8, 0m) with { Targets = new ProgrammeTargets { Coverage = 0.5m } }, C("hubin", 6, 0m) with { Targets = new ProgrammeTargets { Coverage = 0.5m } }], Targets, August).Counties!;
        Assert.Equal(tie[0].Score, tie[1].Score);
        Assert.Equal(["lushi", "hubin"], tie.Take(2).Select(r => r.Id));
    }
}
