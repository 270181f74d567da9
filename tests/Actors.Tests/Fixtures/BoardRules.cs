using Programme.Aggregation;
using Programme.Domain;

namespace Programme.Tests.Fixtures;

/// <summary>
/// The board's counting rules stated again, on the test side, one figure at a time, as the README and DOMAIN.md define
/// them — deliberately not the production <c>ContributionCalculator</c>, so a wrong rule there cannot also be the
/// expectation. Each figure is what one enterprise adds to its county's board for programme year Y, reporting month R:
/// <list type="bullet">
/// <item>a project counts unless it was cancelled; it is "implemented" when underway or completed;</item>
/// <item>projects, their kinds, investment and completion count for above-scale firms; a below-scale firm's projects
/// are reported apart (below-scale participation);</item>
/// <item>covered: above scale with at least one implemented project;</item>
/// <item>"this year": implemented and running at some point of Y (start year ≤ Y ≤ end year); completed this year
/// is such a project completed with its end in Y;</item>
/// <item>investment completed this year: monthly amounts of Y up to R; completed overall: every monthly amount;</item>
/// <item>milestones and certifications count from their month when it is not after R ("this year" when also in Y); a
/// digital transformation of a below-scale firm is not counted in the year's target; certifications to date count
/// every certificate held;</item>
/// <item>grants: every grant received, and the distinct projects they went to.</item>
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

        var live = firm.Projects.Where(p => p.Status != ProjectStatus.Cancelled).ToList();
        var mine = firm.AboveScale ? live : [];
        var thisYear = mine.Where(RunsIn).ToList();
        var months = new decimal[12];
        foreach (var m in mine.SelectMany(p => p.Monthly).Where(m => InYear(m.Month))) months[m.Month.Month - 1] += m.Amount;
        var certs = firm.Certifications.Where(c => InYear(c.Month)).ToList();

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
        };
    }
}
