using Programme.Aggregation;
using Programme.Domain;

namespace Programme.Tests.Fixtures;

/// <summary>
/// The board's counting rules stated again, on the test side, one figure at a time, as the README and DOMAIN.md define
/// them — deliberately not the production <c>ContributionCalculator</c>, so a wrong rule there cannot also be the
/// expectation. Each figure is what one enterprise adds to its county's board for programme year Y, reporting month R:
/// <list type="bullet">
/// <item>a project counts once implemented (实施): underway or completed — planned and cancelled ones do not;</item>
/// <item>projects, their kinds, investment and completion count for above-scale firms; a below-scale firm's projects
/// are reported apart (below-scale participation);</item>
/// <item>covered: above scale with at least one implemented project;</item>
/// <item>"this year": implemented and running at some point of Y (start year ≤ Y ≤ end year); completed this year
/// is such a project completed with its end in Y;</item>
/// <item>investment completed this year: monthly amounts of Y up to R; completed overall: every monthly amount;</item>
/// <item>milestones and certifications count from their month when it is not after R ("this year" when also in Y); a
/// digital transformation of a below-scale firm is not counted in the year's target; certifications to date count
/// every certificate held;</item>
/// <item>grants: every grant received, and the distinct projects they went to;</item>
/// <item>the project database (above-scale firms): each project is entered (入库), exited (出库) or pending; key
/// projects are entered ones flagged key; the start rate's base is entered, not cancelled projects planned to start in
/// Y, of which those implemented have started; a month's scheduling report is due from each entered, underway project
/// started by R, and reported when it has a report for R;</item>
/// <item>newly above scale (新入规): above scale with a list year of Y or later; SME cloud / digital: a below-scale
/// firm's milestone in Y up to R.</item>
/// </list>
/// </summary>
public static class BoardRules
{
    public static Contribution Expected(Enterprise firm, ProgrammeCalendar calendar)
    {
        var y = calendar.Year;
        var r = calendar.ReportingMonth;
        bool Reported(YearMonth m) => m <= r;
        bool InYear(YearMonth m) => m.Year == y && Reported(m);
        bool Implemented(Project p) => p.Status is ProjectStatus.Underway or ProjectStatus.Completed;
        bool RunsIn(Project p) => Implemented(p) && p.StartMonth.Year <= y && y <= p.EndMonth.Year;

        var live = firm.Projects.Where(Implemented).ToList();
        var mine = firm.AboveScale ? live : [];
        var thisYear = mine.Where(RunsIn).ToList();
        var months = new decimal[12];
        foreach (var m in mine.SelectMany(p => p.Monthly).Where(m => InYear(m.Month))) months[m.Month.Month - 1] += m.Amount;
        var certs = firm.Certifications.Where(c => InYear(c.Month)).ToList();
        var database = firm.AboveScale ? firm.Projects : [];
        var startBase = database.Where(p => p.Entry == ProjectEntry.Entered && p.Status != ProjectStatus.Cancelled && p.StartMonth.Year == y).ToList();
        var dueNow = database.Where(p => p.Entry == ProjectEntry.Entered && p.Status == ProjectStatus.Underway && p.StartMonth <= r).ToList();
        var newlyListed = firm.AboveScale && firm.AboveScaleSince is { } since && since >= y;

        return new Contribution
        {
            Enterprises = 1,
            AboveScale = firm.AboveScale ? 1 : 0,
            Covered = firm.AboveScale && firm.Projects.Any(Implemented) ? 1 : 0,
            BelowScaleEnterprises = !firm.AboveScale && live.Count > 0 ? 1 : 0,
            BelowScaleProjects = firm.AboveScale ? 0 : live.Count,
            Projects = mine.Count,
            Intelligent = mine.Count(p => p.Kind == ProjectKind.Intelligent),
            Green = mine.Count(p => p.Kind == ProjectKind.Green),
            Technical = mine.Count(p => p.Kind is not (ProjectKind.Intelligent or ProjectKind.Green)),
            TotalInvestment = mine.Sum(p => p.TotalInvestment),
            Completed = mine.SelectMany(p => p.Monthly).Sum(m => m.Amount),
            ProjectsThisYear = thisYear.Count,
            PlannedThisYear = thisYear.Sum(p => p.PlannedThisYear),
            InvestmentThisYear = thisYear.Sum(p => p.TotalInvestment),
            CompletedProjectsThisYear = thisYear.Count(p => p.Status == ProjectStatus.Completed && p.EndMonth.Year == y),
            CompletedThisYear = months.Sum(),
            CompletedByMonth = months,
            CloudThisYear = firm.CloudSince is { } c1 && InYear(c1) ? 1 : 0,
            CloudTotal = firm.CloudSince is { } c2 && Reported(c2) ? 1 : 0,
            DigitalThisYear = firm.AboveScale && firm.DigitalSince is { } d1 && InYear(d1) ? 1 : 0,
            DigitalTotal = firm.DigitalSince is { } d2 && Reported(d2) ? 1 : 0,
            SmartCertificationsThisYear = certs.Count(c => c.Kind is CertificationKind.SmartFactory or CertificationKind.SmartWorkshop),
            GreenCertificationsThisYear = certs.Count(c => c.Kind == CertificationKind.GreenFactory),
            Certifications = firm.Certifications.Length,
            GrantsAwarded = firm.Grants.Sum(g => g.Awarded),
            GrantsDisbursed = firm.Grants.Sum(g => g.Disbursed),
            GrantedProjects = firm.Grants.Select(g => g.ProjectId).Distinct(StringComparer.Ordinal).Count(),
            Halted = firm.Status == OperatingStatus.Halted ? 1 : 0,
            SemiHalted = firm.Status == OperatingStatus.SemiHalted ? 1 : 0,
            Revived = firm.Status == OperatingStatus.Revived ? 1 : 0,
            NewlyAboveScale = newlyListed ? 1 : 0,
            CoveredNewlyAboveScale = newlyListed && firm.Projects.Any(Implemented) ? 1 : 0,
            DatabaseEntered = database.Count(p => p.Entry == ProjectEntry.Entered),
            DatabaseExited = database.Count(p => p.Entry == ProjectEntry.Exited),
            DatabasePending = database.Count(p => p.Entry is not (ProjectEntry.Entered or ProjectEntry.Exited)),
            KeyProjects = database.Count(p => p.Key && p.Entry == ProjectEntry.Entered),
            PlannedStartThisYear = startBase.Count,
            StartedThisYear = startBase.Count(Implemented),
            ScheduleDue = dueNow.Count,
            ScheduleReported = dueNow.Count(p => p.Schedule.Any(s => s.Month == r)),
            CloudSmeThisYear = !firm.AboveScale && firm.CloudSince is { } c3 && InYear(c3) ? 1 : 0,
            DigitalSmeThisYear = !firm.AboveScale && firm.DigitalSince is { } d3 && InYear(d3) ? 1 : 0,
        };
    }

    /// <summary>A county's figures: the plain sum of its firms' (not the production running sum).</summary>
    public static Contribution Sum(IEnumerable<Contribution> parts)
    {
        var all = parts.ToList();
        var months = new decimal[12];
        foreach (var c in all)
            for (var i = 0; i < 12 && i < c.CompletedByMonth.Length; i++) months[i] += c.CompletedByMonth[i];
        return new Contribution
        {
            Enterprises = all.Sum(c => c.Enterprises), AboveScale = all.Sum(c => c.AboveScale), Covered = all.Sum(c => c.Covered),
            BelowScaleEnterprises = all.Sum(c => c.BelowScaleEnterprises), BelowScaleProjects = all.Sum(c => c.BelowScaleProjects),
            Projects = all.Sum(c => c.Projects), ProjectsThisYear = all.Sum(c => c.ProjectsThisYear),
            Intelligent = all.Sum(c => c.Intelligent), Green = all.Sum(c => c.Green), Technical = all.Sum(c => c.Technical),
            TotalInvestment = all.Sum(c => c.TotalInvestment), Completed = all.Sum(c => c.Completed),
            PlannedThisYear = all.Sum(c => c.PlannedThisYear), InvestmentThisYear = all.Sum(c => c.InvestmentThisYear),
            CompletedThisYear = all.Sum(c => c.CompletedThisYear), CompletedByMonth = months,
            CompletedProjectsThisYear = all.Sum(c => c.CompletedProjectsThisYear),
            CloudThisYear = all.Sum(c => c.CloudThisYear), CloudTotal = all.Sum(c => c.CloudTotal),
            DigitalThisYear = all.Sum(c => c.DigitalThisYear), DigitalTotal = all.Sum(c => c.DigitalTotal),
            SmartCertificationsThisYear = all.Sum(c => c.SmartCertificationsThisYear),
            GreenCertificationsThisYear = all.Sum(c => c.GreenCertificationsThisYear), Certifications = all.Sum(c => c.Certifications),
            GrantsAwarded = all.Sum(c => c.GrantsAwarded), GrantsDisbursed = all.Sum(c => c.GrantsDisbursed),
            GrantedProjects = all.Sum(c => c.GrantedProjects),
            Halted = all.Sum(c => c.Halted), SemiHalted = all.Sum(c => c.SemiHalted), Revived = all.Sum(c => c.Revived),
            NewlyAboveScale = all.Sum(c => c.NewlyAboveScale), CoveredNewlyAboveScale = all.Sum(c => c.CoveredNewlyAboveScale),
            DatabaseEntered = all.Sum(c => c.DatabaseEntered), DatabaseExited = all.Sum(c => c.DatabaseExited),
            DatabasePending = all.Sum(c => c.DatabasePending), KeyProjects = all.Sum(c => c.KeyProjects),
            PlannedStartThisYear = all.Sum(c => c.PlannedStartThisYear), StartedThisYear = all.Sum(c => c.StartedThisYear),
            ScheduleDue = all.Sum(c => c.ScheduleDue), ScheduleReported = all.Sum(c => c.ScheduleReported),
            CloudSmeThisYear = all.Sum(c => c.CloudSmeThisYear), DigitalSmeThisYear = all.Sum(c => c.DigitalSmeThisYear),
        };
    }
}
