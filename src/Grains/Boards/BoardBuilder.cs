using Programme.Aggregation;
using Programme.Boards;
using Programme.Domain;

namespace Programme.Grains.Boards;

/// <summary>Turns totals and targets into the board shape of CONTRACT.md, with status, score and the county league.</summary>
public static class BoardBuilder
{
    public static Board County(County county, long version, Contribution totals, ProgrammeTargets targets, ProgrammeCalendar calendar) =>
        Build($"county:{county.Id}", version, totals, targets, calendar, null) with
        {
            CountyId = county.Id, Name = county.NameZh, NameEn = county.NameEn,
        };

    public static Board City(long version, IReadOnlyList<CountyTotals> counties, ProgrammeTargets targets, ProgrammeCalendar calendar)
    {
        var total = ContributionSum.Total(counties.Select(c => c.Totals));
        var rows = counties
            .Select(c => Row(c, calendar))
            .OrderByDescending(r => r.Score).ThenByDescending(r => r.Coverage).ThenBy(r => r.Id, StringComparer.Ordinal)
            .Select((r, i) => r with { Rank = i + 1 })
            .ToList();
        // Counties not heard from yet still appear, with nothing.
        foreach (var c in CountyCatalogue.All.Where(c => rows.All(r => r.Id != c.Id)))
            rows.Add(Row(new CountyTotals(c.Id, 0, Contribution.Zero, new ProgrammeTargets()), calendar) with { Rank = rows.Count + 1 });
        return Build("city", version, total, targets, calendar, rows);
    }

    private static CountyRow Row(CountyTotals c, ProgrammeCalendar calendar)
    {
        var county = CountyCatalogue.Get(c.CountyId);
        var t = c.Totals;
        return new CountyRow
        {
            Id = county.Id, Name = county.NameZh, NameEn = county.NameEn,
            AboveScale = t.AboveScale, Covered = t.Covered, Coverage = Coverage(t),
            Uncovered = t.AboveScale - t.Covered,
            PlannedThisYear = t.PlannedThisYear, CompletedThisYear = t.CompletedThisYear,
            ProjectsThisYear = t.ProjectsThisYear, ProjectsTarget = c.Targets.ProjectsThisYear,
            CompletedTarget = c.Targets.CompletedThisYear,
            Score = Score(t, c.Targets, calendar), Status = Status(t, c.Targets, calendar), Version = c.Version,
            PriorListCoverage = PriorList(t, calendar).Coverage, NewlyAboveScale = t.NewlyAboveScale,
            OfPlan = Share(t.CompletedThisYear, t.PlannedThisYear),
            StartRate = Share(t.StartedThisYear, t.PlannedStartThisYear), PlannedStart = t.PlannedStartThisYear, Started = t.StartedThisYear,
            ScheduleDue = t.ScheduleDue, ScheduleReported = t.ScheduleReported, ScheduleCompleteness = Share(t.ScheduleReported, t.ScheduleDue),
        };
    }

    private static Board Build(string scope, long version, Contribution t, ProgrammeTargets targets, ProgrammeCalendar calendar, IReadOnlyList<CountyRow>? counties)
    {
        var trend = new List<MonthPoint>();
        decimal cumulative = 0;
        var lastMonth = calendar.ReportingMonth.Year == calendar.Year ? calendar.ReportingMonth.Month
            : calendar.ReportingMonth.Year > calendar.Year ? 12 : 0;
        for (var m = 1; m <= lastMonth; m++)
        {
            var amount = t.CompletedByMonth.Length >= m ? t.CompletedByMonth[m - 1] : 0m;
            cumulative += amount;
            trend.Add(new MonthPoint(new YearMonth(calendar.Year, m).ToString(), amount, cumulative));
        }
        return new Board
        {
            Scope = scope,
            Version = version,
            ReportingMonth = calendar.ReportingMonth.ToString(),
            ProgrammeYear = calendar.Year,
            CalendarProgress = Math.Round(calendar.CalendarProgress, 4),
            Enterprises = new BoardEnterprises(t.AboveScale, t.Covered, Coverage(t), t.AboveScale - t.Covered, t.Enterprises,
                calendar.Year, t.NewlyAboveScale, PriorList(t, calendar)),
            Projects = new BoardProjects(t.Projects, t.ProjectsThisYear, t.Intelligent, t.Green, t.Technical, t.CompletedProjectsThisYear),
            Investment = new BoardInvestment(t.TotalInvestment, t.Completed, t.PlannedThisYear, t.CompletedThisYear, t.InvestmentThisYear),
            Targets = new BoardTargets
            {
                Coverage = targets.Coverage, ProjectsThisYear = targets.ProjectsThisYear,
                InvestmentThisYear = targets.InvestmentThisYear, CompletedThisYear = targets.CompletedThisYear,
                CloudIndustrial = targets.CloudIndustrial, CloudSme = targets.CloudSme,
                DigitalAboveScale = targets.DigitalAboveScale, DigitalSme = targets.DigitalSme,
                SmartCertifications = targets.SmartCertifications, GreenCertifications = targets.GreenCertifications,
                FullCoverageBy = targets.FullCoverageBy?.ToString(),
                PlatformUsers = targets.PlatformUsers, PlatformDigital = targets.PlatformDigital, PlatformCloud = targets.PlatformCloud,
            },
            BelowScale = new BoardBelowScale(t.BelowScaleEnterprises, t.BelowScaleProjects),
            Counties = counties,
            Cloud = new BoardMilestones(t.CloudThisYear, targets.CloudIndustrial, t.CloudTotal),
            Digital = new BoardMilestones(t.DigitalThisYear, targets.DigitalAboveScale, t.DigitalTotal),
            Certifications = new BoardCertifications(t.SmartCertificationsThisYear, targets.SmartCertifications,
                t.GreenCertificationsThisYear, targets.GreenCertifications, t.Certifications),
            Fund = new BoardFund(t.GrantsAwarded, t.GrantsDisbursed, t.GrantedProjects),
            Operating = new BoardOperating(t.Halted, t.SemiHalted, t.Revived),
            Trend = trend,
            Status = Status(t, targets, calendar),
            Score = Score(t, targets, calendar),
            Completion = new BoardCompletion(t.CompletedThisYear, t.PlannedThisYear, Share(t.CompletedThisYear, t.PlannedThisYear),
                targets.CompletedThisYear, Share(t.CompletedThisYear, targets.CompletedThisYear)),
            Database = new BoardDatabase(t.DatabaseEntered, t.DatabasePending, t.DatabaseExited, t.KeyProjects,
                t.PlannedStartThisYear, t.StartedThisYear, Share(t.StartedThisYear, t.PlannedStartThisYear)),
            Sme = new BoardSme(t.CloudSmeThisYear, targets.CloudSme, t.DigitalSmeThisYear, targets.DigitalSme),
            Schedule = new BoardSchedule(calendar.ReportingMonth.ToString(), calendar.ReportDueDate, t.ScheduleDue, t.ScheduleReported,
                Share(t.ScheduleReported, t.ScheduleDue)),
        };
    }

    /// <summary>Coverage on the previous year's list: the firms above scale before the programme year, and those of them covered.</summary>
    public static BoardList PriorList(Contribution t, ProgrammeCalendar calendar)
    {
        var above = t.AboveScale - t.NewlyAboveScale;
        var covered = t.Covered - t.CoveredNewlyAboveScale;
        return new BoardList(calendar.Year - 1, above, covered, Share(covered, above));
    }

    private static decimal Share(decimal part, decimal whole) => whole <= 0 ? 0m : Math.Round(part / whole, 6);

    public static decimal Coverage(Contribution t) =>
        t.AboveScale == 0 ? 0m : Math.Round((decimal)t.Covered / t.AboveScale, 6);

    /// <summary>Achievement against a target: 1 = met. A missing target counts as met.</summary>
    private static decimal Ratio(decimal actual, decimal target) => target <= 0 ? 1m : actual / target;

    /// <summary>
    /// Flow targets are judged against the calendar (时间进度): on or ahead of pace is green, within 10 points amber.
    /// Coverage is judged against its full target: within 2 points amber.
    /// </summary>
    public static TargetStatus Status(Contribution t, ProgrammeTargets targets, ProgrammeCalendar calendar)
    {
        var pace = calendar.CalendarProgress;
        string Flow(decimal ratio) => ratio >= pace ? Rag.Green : ratio >= pace - 0.10m ? Rag.Amber : Rag.Red;
        var coverage = Coverage(t);
        var coverageRag = coverage >= targets.Coverage ? Rag.Green : coverage >= targets.Coverage - 0.02m ? Rag.Amber : Rag.Red;
        return new TargetStatus(
            coverageRag,
            Flow(Ratio(t.ProjectsThisYear, targets.ProjectsThisYear)),
            Flow(Ratio(t.CompletedThisYear, targets.CompletedThisYear)),
            Flow(Ratio(t.CloudThisYear, targets.CloudIndustrial)),
            Flow(Ratio(t.DigitalThisYear, targets.DigitalAboveScale)),
            Flow(Ratio(t.SmartCertificationsThisYear + t.GreenCertificationsThisYear, targets.SmartCertifications + targets.GreenCertifications)));
    }

    /// <summary>
    /// The composite score (综合得分) the league ranks on: coverage 40, investment completed against the calendar 30,
    /// projects this year 15, cloud / digital / certifications 5 each. A county exactly on plan — every target met, every
    /// flow target on calendar pace — scores 100; each part is capped at 120 % of its weight, so the most is 120.
    /// </summary>
    public static decimal Score(Contribution t, ProgrammeTargets targets, ProgrammeCalendar calendar)
    {
        var pace = Math.Max(calendar.CalendarProgress, 1m / 12);
        decimal Part(decimal ratio) => Math.Min(ratio, 1.2m);
        var score =
            40m * Part(Ratio(Coverage(t), targets.Coverage)) +
            30m * Part(Ratio(t.CompletedThisYear, targets.CompletedThisYear) / pace) +
            15m * Part(Ratio(t.ProjectsThisYear, targets.ProjectsThisYear)) +
            5m * Part(Ratio(t.CloudThisYear, targets.CloudIndustrial) / pace) +
            5m * Part(Ratio(t.DigitalThisYear, targets.DigitalAboveScale) / pace) +
            5m * Part(Ratio(t.SmartCertificationsThisYear + t.GreenCertificationsThisYear, targets.SmartCertifications + targets.GreenCertifications) / pace);
        return Math.Round(score, 2);
    }
}
