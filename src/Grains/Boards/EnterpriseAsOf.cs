using Programme.Domain;

namespace Programme.Grains.Boards;

/// <summary>
/// An enterprise restated as it stood at the end of a past month, from what its record holds month by month: its
/// projects' monthly investment and scheduling reports up to the month, a project counted implemented (实施) once begun by
/// then (its start month, or a first investment, not after the month) and completed only when it ended by then, cloud and
/// digital milestones, certifications and grants from their months, and the above-scale list from its year (入规年份).
/// What the record keeps without a month — the operating status, the project database stage and key flag, a
/// cancellation, a below-scale firm's earlier years — is taken as recorded now.
/// </summary>
public static class EnterpriseAsOf
{
    public static Enterprise At(Enterprise e, YearMonth month) => e with
    {
        AboveScale = e.AboveScale && (e.AboveScaleSince is null || e.AboveScaleSince <= month.Year),
        Projects = [.. e.Projects.Select(p => Project(p, month))],
        CloudSince = e.CloudSince is { } c && c <= month ? c : null,
        DigitalSince = e.DigitalSince is { } d && d <= month ? d : null,
        Certifications = [.. e.Certifications.Where(c => c.Month <= month)],
        Grants = [.. e.Grants.Where(g => g.AwardedMonth <= month)],
    };

    private static Project Project(Project p, YearMonth month)
    {
        var monthly = p.Monthly.Where(m => m.Month <= month).ToArray();
        var status = p.Status;
        if (p.Implemented)
        {
            var begun = p.StartMonth <= month || monthly.Length > 0;
            status = !begun ? ProjectStatus.Planned
                : p.Status == ProjectStatus.Completed && p.EndMonth <= month ? ProjectStatus.Completed
                : ProjectStatus.Underway;
        }
        return p with { Monthly = monthly, Schedule = [.. p.Schedule.Where(s => s.Month <= month)], Status = status };
    }

    /// <summary>The first month the record holds a figure for: the earliest month of any project's investment.</summary>
    public static YearMonth? FirstMonth(Enterprise e)
    {
        YearMonth? first = null;
        foreach (var p in e.Projects)
            foreach (var m in p.Monthly)
                if (first is null || m.Month < first) first = m.Month;
        return first;
    }
}
