using Programme.Aggregation;
using Programme.Domain;

namespace Programme.Grains.Enterprises;

/// <summary>Derives what an enterprise adds to its county's figures, for the programme year in force.</summary>
public static class ContributionCalculator
{
    public static Contribution Compute(Enterprise e, ProgrammeCalendar calendar)
    {
        var year = calendar.Year;
        var upTo = calendar.ReportingMonth;
        int projects = 0, thisYear = 0, intelligent = 0, green = 0, technical = 0, completedThisYear = 0, belowProjects = 0;
        int entered = 0, pending = 0, exited = 0, key = 0, plannedStart = 0, started = 0, due = 0, reported = 0;
        decimal total = 0, completed = 0, planned = 0, investmentThisYear = 0, completedInYear = 0;
        var byMonth = new decimal[Contribution.Months];
        foreach (var p in e.Projects)
        {
            if (e.AboveScale)
            {
                switch (p.Entry)
                {
                    case ProjectEntry.Entered: entered++; break;
                    case ProjectEntry.Exited: exited++; break;
                    default: pending++; break;
                }
                if (p.Key && p.Entry == ProjectEntry.Entered) key++;
                if (p.PlannedToStartIn(year))
                {
                    plannedStart++;
                    if (p.Implemented) started++;
                }
                if (p.DueToReport(upTo))
                {
                    due++;
                    if (Array.Exists(p.Schedule, s => s.Month == upTo)) reported++;
                }
            }
            // The programme's figures count projects implemented (实施): underway or completed, not those still planned.
            if (!p.Implemented) continue;
            if (!e.AboveScale)
            {
                belowProjects++;
                continue;
            }
            projects++;
            switch (p.Kind)
            {
                case ProjectKind.Intelligent: intelligent++; break;
                case ProjectKind.Green: green++; break;
                default: technical++; break;
            }
            total += p.TotalInvestment;
            foreach (var m in p.Monthly)
            {
                completed += m.Amount;
                if (m.Month.Year == year && m.Month <= upTo)
                {
                    completedInYear += m.Amount;
                    byMonth[m.Month.Month - 1] += m.Amount;
                }
            }
            if (p.ActiveIn(year))
            {
                thisYear++;
                planned += p.PlannedThisYear;
                investmentThisYear += p.TotalInvestment;
                if (p.Status == ProjectStatus.Completed && p.EndMonth.Year == year) completedThisYear++;
            }
        }

        var smart = 0;
        var greenCerts = 0;
        foreach (var c in e.Certifications)
        {
            if (c.Month.Year != year || c.Month > upTo) continue;
            if (c.Kind is CertificationKind.SmartFactory or CertificationKind.SmartWorkshop) smart++;
            else if (c.Kind == CertificationKind.GreenFactory) greenCerts++;
        }

        decimal awarded = 0, disbursed = 0;
        var grantedProjects = e.Grants.Length == 0 ? null : new HashSet<string>(StringComparer.Ordinal);
        foreach (var g in e.Grants)
        {
            awarded += g.Awarded;
            disbursed += g.Disbursed;
            grantedProjects!.Add(g.ProjectId);
        }

        var covered = e.AboveScale && e.Projects.Any(p => p.Implemented);
        var newly = e.AboveScale && !e.OnListBefore(year);
        return new Contribution
        {
            Enterprises = 1,
            AboveScale = e.AboveScale ? 1 : 0,
            Covered = covered ? 1 : 0,
            BelowScaleEnterprises = !e.AboveScale && belowProjects > 0 ? 1 : 0,
            BelowScaleProjects = belowProjects,
            Projects = projects,
            ProjectsThisYear = thisYear,
            Intelligent = intelligent,
            Green = green,
            Technical = technical,
            TotalInvestment = total,
            Completed = completed,
            PlannedThisYear = planned,
            InvestmentThisYear = investmentThisYear,
            CompletedThisYear = completedInYear,
            CompletedByMonth = completedInYear == 0 && Array.TrueForAll(byMonth, m => m == 0) ? Contribution.NoMonths : byMonth,
            CompletedProjectsThisYear = completedThisYear,
            CloudThisYear = e.CloudSince is { } cs && cs.Year == year && cs <= upTo ? 1 : 0,
            CloudTotal = e.CloudSince is { } ct && ct <= upTo ? 1 : 0,
            DigitalThisYear = e.AboveScale && e.DigitalSince is { } ds && ds.Year == year && ds <= upTo ? 1 : 0,
            DigitalTotal = e.DigitalSince is { } dt && dt <= upTo ? 1 : 0,
            SmartCertificationsThisYear = smart,
            GreenCertificationsThisYear = greenCerts,
            Certifications = e.Certifications.Length,
            GrantsAwarded = awarded,
            GrantsDisbursed = disbursed,
            GrantedProjects = grantedProjects?.Count ?? 0,
            Halted = e.Status == OperatingStatus.Halted ? 1 : 0,
            SemiHalted = e.Status == OperatingStatus.SemiHalted ? 1 : 0,
            Revived = e.Status == OperatingStatus.Revived ? 1 : 0,
            NewlyAboveScale = newly ? 1 : 0,
            CoveredNewlyAboveScale = newly && covered ? 1 : 0,
            DatabaseEntered = entered,
            DatabasePending = pending,
            DatabaseExited = exited,
            KeyProjects = key,
            PlannedStartThisYear = plannedStart,
            StartedThisYear = started,
            ScheduleDue = due,
            ScheduleReported = reported,
            CloudSmeThisYear = !e.AboveScale && e.CloudSince is { } sc && sc.Year == year && sc <= upTo ? 1 : 0,
            DigitalSmeThisYear = !e.AboveScale && e.DigitalSince is { } sd && sd.Year == year && sd <= upTo ? 1 : 0,
        };
    }

    public static EnterpriseSummary Summarise(Enterprise e, Contribution c) => new()
    {
        Id = e.Id,
        Name = e.Name,
        Sector = e.Sector,
        AboveScale = e.AboveScale,
        Status = e.Status,
        Covered = c.Covered == 1,
        Projects = e.AboveScale ? c.Projects : c.BelowScaleProjects,
        TotalInvestment = e.Projects.Where(p => p.Status != ProjectStatus.Cancelled).Sum(p => p.TotalInvestment),
        Completed = e.Projects.Where(p => p.Status != ProjectStatus.Cancelled).Sum(p => p.Invested),
        CompletedThisYear = c.CompletedThisYear,
        Version = e.Version,
        Cloud = c.CloudTotal == 1,
        Digital = c.DigitalTotal == 1,
        Certifications = c.Certifications,
        GrantsAwarded = c.GrantsAwarded,
    };

    public static EnterpriseReport Report(Enterprise e, ProgrammeCalendar calendar)
    {
        var c = Compute(e, calendar);
        return new EnterpriseReport(e.Id, e.CountyId, e.Version, Summarise(e, c), c);
    }
}
