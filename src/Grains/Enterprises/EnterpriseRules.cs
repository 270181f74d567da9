using System.Text.RegularExpressions;
using Programme.Commands;
using Programme.Domain;

namespace Programme.Grains.Enterprises;

/// <summary>
/// The rules every enterprise command obeys. Each method returns either the errors (nothing changes) or the
/// enterprise as it would be after the command; the grain persists it and bumps the version.
/// </summary>
internal static partial class EnterpriseRules
{
    public const int MaxProjects = 200;
    public const int MaxProjectMonths = 120;
    public const int MaxCertifications = 100;

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex IdPattern();

    public static bool IsValidId(string? id) => id is not null && IdPattern().IsMatch(id);

    public readonly record struct Outcome(Enterprise? Next, FieldErrors? Errors, string? CreatedId = null)
    {
        public static Outcome Fail(FieldErrors e) => new(null, e);
        public static Outcome Same => new(null, null);
    }

    public static Outcome Upsert(string id, Enterprise? current, UpsertEnterprise c, ProgrammeCalendar calendar)
    {
        var e = new FieldErrors();
        if (!IsValidId(id)) e.Add("id", "must be 1–64 characters of A–Z, a–z, 0–9, '_' or '-'");
        var name = e.Text("name", c.Name);
        string? county = null;
        if (string.IsNullOrEmpty(c.CountyId)) e.Add("countyId", "is required");
        else if (!CountyCatalogue.Exists(c.CountyId)) e.Add("countyId", $"must be one of: {CountyCatalogue.AllowedIds}");
        else county = CountyCatalogue.Get(c.CountyId).Id; // the catalogue's instance: one string per county, not per firm
        string? sector = null;
        if (string.IsNullOrEmpty(c.Sector)) e.Add("sector", "is required");
        else if (!Sectors.Exists(c.Sector)) e.Add("sector", $"must be one of: {Sectors.AllowedIds}");
        else sector = Sectors.Canonical(c.Sector);
        if (c.AboveScale is null) e.Add("aboveScale", "is required (true for an above-scale firm, 规上企业)");
        var status = c.Status is null ? current?.Status ?? OperatingStatus.Active : e.Enum<OperatingStatus>("status", c.Status);
        if (c.AboveScaleSince is { } since)
        {
            if (c.AboveScale == false) e.Add("aboveScaleSince", "only an above-scale firm has a year it entered the list (入规年份)");
            else if (since < 1980 || since > calendar.ReportingMonth.Year)
                e.Add("aboveScaleSince", $"must be a year from 1980 to {calendar.ReportingMonth.Year}");
        }
        if (e.Any) return Outcome.Fail(e);
        // 入规年份: as given; kept while the firm stays above scale; a firm turning above-scale now entered the list this year.
        int? listedSince = c.AboveScale != true ? null
            : c.AboveScaleSince ?? (current is { AboveScale: false } ? calendar.Year : current?.AboveScaleSince);

        if (current is null)
        {
            return new(new Enterprise
            {
                Id = id, Name = name!, CountyId = county!, Sector = sector!,
                AboveScale = c.AboveScale!.Value, Status = status!.Value, AboveScaleSince = listedSince,
            }, null);
        }
        var next = current with
        {
            Name = name!, CountyId = county!, Sector = sector!, AboveScale = c.AboveScale!.Value, Status = status!.Value,
            AboveScaleSince = listedSince,
        };
        return next == current ? Outcome.Same : new(next, null);
    }

    public static Outcome AddProject(Enterprise current, AddProject c)
    {
        var e = new FieldErrors();
        var name = e.Text("name", c.Name);
        var kind = e.Enum<ProjectKind>("kind", c.Kind);
        var total = e.Money("totalInvestment", c.TotalInvestment, positive: true);
        var planned = e.Money("plannedThisYear", c.PlannedThisYear);
        var start = e.Month("startMonth", c.StartMonth);
        var end = e.Month("endMonth", c.EndMonth);
        var status = c.Status is null ? ProjectStatus.Planned : e.Enum<ProjectStatus>("status", c.Status);
        if (status == ProjectStatus.Cancelled) e.Add("status", "a new project cannot start cancelled");
        if (total is not null && planned is not null && planned > total)
            e.Add("plannedThisYear", "must not exceed totalInvestment");
        if (start is not null && end is not null)
        {
            if (end < start) e.Add("endMonth", "must not be before startMonth");
            else if (start.Value.MonthsUntil(end.Value) >= MaxProjectMonths)
                e.Add("endMonth", $"a project may run at most {MaxProjectMonths} months");
        }
        if (current.Projects.Length >= MaxProjects) e.Add("projects", $"an enterprise may hold at most {MaxProjects} projects");
        var theme = c.Theme is null ? (ProjectTheme?)null : e.Enum<ProjectTheme>("theme", c.Theme);
        var equipment = c.EquipmentInvestment is null ? null : e.Money("equipmentInvestment", c.EquipmentInvestment);
        if (equipment is not null && total is not null && equipment > total) e.Add("equipmentInvestment", "must not exceed totalInvestment");
        if (c.PlanningBatch is { } batch && !PlanningBatches.Exists(batch))
            e.Add("planningBatch", $"must be one of: {PlanningBatches.AllowedIds}");
        if (e.Any) return Outcome.Fail(e);

        var id = NextProjectId(current);
        var project = new Project
        {
            Id = id, Name = name!, Kind = kind!.Value, TotalInvestment = total!.Value, PlannedThisYear = planned!.Value,
            StartMonth = start!.Value, EndMonth = end!.Value, Status = status!.Value, PlanningBatch = c.PlanningBatch,
            Theme = theme, EquipmentInvestment = equipment,
            // A planned project is proposed for the project database and enters it after county and city review; one
            // reported already underway or finished is recorded as it stands.
            Entry = status == ProjectStatus.Planned ? ProjectEntry.Proposed : ProjectEntry.Entered,
        };
        return new(current with { Projects = [.. current.Projects, project] }, null, id);
    }

    public static Outcome ReportProgress(Enterprise current, ReportProgress c, ProgrammeCalendar calendar)
    {
        var e = new FieldErrors();
        var index = Array.FindIndex(current.Projects, p => p.Id == c.ProjectId);
        var month = e.Month("month", c.Month);
        var invested = e.Money("invested", c.Invested);
        if (e.Any || index < 0) return Outcome.Fail(e);
        var project = current.Projects[index];
        if (project.Status == ProjectStatus.Cancelled) e.Add("status", "the project is cancelled: no progress can be reported");
        else if (project.Entry != ProjectEntry.Entered && invested is > 0)
            e.Add("entry", "the project is not yet in the project database: it starts only after the county's and the city's review (入库)");
        if (month < project.StartMonth) e.Add("month", $"must not be before the project's start month {project.StartMonth}");
        if (month > calendar.ReportingMonth) e.Add("month", $"must not be after the reporting month {calendar.ReportingMonth}");
        if (e.Any) return Outcome.Fail(e);

        var monthly = project.Monthly.Where(m => m.Month != month!.Value).ToList();
        var others = monthly.Sum(m => m.Amount);
        if (others + invested!.Value > project.TotalInvestment)
        {
            e.Add("invested", $"would bring the project's completed investment to {others + invested.Value} yuan, above its total investment {project.TotalInvestment} yuan");
            return Outcome.Fail(e);
        }
        var schedule = project.Schedule;
        if (c.HasSchedule)
        {
            // 月调度: progress in words and percent, problems, 纳统.
            var progress = e.Text("progress", c.Progress, 500);
            if (c.ProgressPercent is not { } percent) e.Add("progressPercent", "is required (形象进度, 0–100)");
            else if (percent is < 0 or > 100 || decimal.Round(percent, 1) != percent) e.Add("progressPercent", "must be 0–100 with at most one decimal");
            var problems = string.IsNullOrWhiteSpace(c.Problems) ? null : e.Text("problems", c.Problems, 1000);
            if (c.InStatistics is null) e.Add("inStatistics", "is required: whether the month's investment is counted in the statistics (纳统)");
            if (e.Any) return Outcome.Fail(e);
            var report = new ScheduleReport
            {
                Month = month!.Value, Progress = progress!, ProgressPercent = c.ProgressPercent!.Value, Problems = problems, InStatistics = c.InStatistics!.Value,
            };
            schedule = [.. project.Schedule.Where(s => s.Month != month.Value).Append(report).OrderBy(s => s.Month)];
        }
        else if (c.ClearSchedule) schedule = [.. project.Schedule.Where(s => s.Month != month!.Value)];
        var existing = project.Monthly.FirstOrDefault(m => m.Month == month!.Value);
        var sameSchedule = c.HasSchedule ? project.Schedule.Contains(schedule.Single(s => s.Month == month!.Value))
            : !c.ClearSchedule || schedule.Length == project.Schedule.Length;
        if ((existing?.Amount ?? 0m) == invested.Value && sameSchedule && (existing is not null || invested.Value == 0)) return Outcome.Same;
        if (invested.Value != 0) monthly.Add(new MonthlyInvestment(month!.Value, invested.Value));
        monthly.Sort((a, b) => a.Month.CompareTo(b.Month));
        // Money going in means the work has begun: a planned project becomes underway.
        var status = project.Status == ProjectStatus.Planned && invested.Value > 0 ? ProjectStatus.Underway : project.Status;
        return new(WithProject(current, index, project with { Monthly = [.. monthly], Status = status, Schedule = schedule }), null);
    }

    /// <summary>Applies several months at once; the first bad row stops it, its error keyed "rows[i].field".</summary>
    public static Outcome ReportMonths(Enterprise current, IReadOnlyList<ReportProgress> rows, ProgrammeCalendar calendar)
    {
        var next = current;
        for (var i = 0; i < rows.Count; i++)
        {
            if (next.Projects.All(p => p.Id != rows[i].ProjectId))
            {
                var missing = new FieldErrors();
                missing.Add($"rows[{i}].projectId", "no such project of this enterprise");
                return Outcome.Fail(missing);
            }
            var step = ReportProgress(next, rows[i], calendar);
            if (step.Errors is { Any: true } errors)
            {
                var prefixed = new FieldErrors();
                foreach (var (field, messages) in errors.ToDictionary())
                    foreach (var m in messages) prefixed.Add($"rows[{i}].{field}", m);
                return Outcome.Fail(prefixed);
            }
            if (step.Next is not null) next = step.Next;
        }
        return next == current ? Outcome.Same : new(next, null);
    }

    public static Outcome SetProjectStatus(Enterprise current, SetProjectStatus c)
    {
        var e = new FieldErrors();
        var index = Array.FindIndex(current.Projects, p => p.Id == c.ProjectId);
        var status = e.Enum<ProjectStatus>("status", c.Status);
        if (e.Any || index < 0) return Outcome.Fail(e);
        var project = current.Projects[index];
        if (project.Status == status) return Outcome.Same;
        if (project.Status == ProjectStatus.Cancelled)
        {
            e.Add("status", "a cancelled project stays cancelled; add a new project instead");
            return Outcome.Fail(e);
        }
        if (status is ProjectStatus.Underway or ProjectStatus.Completed && project.Entry != ProjectEntry.Entered)
        {
            e.Add("status", "the project is not yet in the project database: it starts only after the county's and the city's review (入库)");
            return Outcome.Fail(e);
        }
        // Cancelling a project takes it out of the project database (出库).
        var next = status == ProjectStatus.Cancelled
            ? project with { Status = ProjectStatus.Cancelled, Entry = ProjectEntry.Exited, ExitReason = "cancelled" }
            : project with { Status = status!.Value };
        return new(WithProject(current, index, next), null);
    }

    /// <summary>
    /// A review for the project database: the county approves a proposed project (县级审核), the city then admits it (入库);
    /// either may return it to the firm with a note. <paramref name="city"/>: the reviewer is city staff.
    /// </summary>
    public static Outcome ReviewEntry(Enterprise current, ReviewProjectEntry c, bool city)
    {
        var e = new FieldErrors();
        var index = Array.FindIndex(current.Projects, p => p.Id == c.ProjectId);
        if (index < 0) return Outcome.Fail(e);
        var project = current.Projects[index];
        var note = c.Note is null ? null : e.Text("note", c.Note, 500);
        if (c.Decision is not ("approve" or "return")) e.Add("decision", "must be one of: approve, return");
        else if (project.Entry is ProjectEntry.Entered or ProjectEntry.Exited)
            e.Add("decision", project.Entry == ProjectEntry.Entered ? "the project is already in the project database (已入库)" : "the project has left the project database (已出库)");
        else if (c.Decision == "approve" && project.Entry == ProjectEntry.CountyReviewed && !city)
            e.Add("decision", "the county has reviewed this project; the city admits it into the database (入库)");
        else if (c.Decision == "return" && c.Note is null)
            e.Add("note", "say why the project goes back (退回原因)");
        if (e.Any) return Outcome.Fail(e);
        var entry = c.Decision == "return" ? ProjectEntry.Proposed
            : project.Entry == ProjectEntry.Proposed && !city ? ProjectEntry.CountyReviewed
            : ProjectEntry.Entered;   // the city reviews for both levels at once when it acts on a proposal itself
        return new(WithProject(current, index, project with { Entry = entry, EntryNote = note }), null);
    }

    /// <summary>A project leaves the project database (出库): cancelled, or merged into another project of the firm.</summary>
    public static Outcome Exit(Enterprise current, ExitProject c)
    {
        var e = new FieldErrors();
        var index = Array.FindIndex(current.Projects, p => p.Id == c.ProjectId);
        if (index < 0) return Outcome.Fail(e);
        var project = current.Projects[index];
        var note = c.Note is null ? null : e.Text("note", c.Note, 500);
        if (c.Reason is not ("cancelled" or "merged")) e.Add("reason", "must be one of: cancelled, merged");
        if (c.Reason == "merged")
        {
            if (string.IsNullOrEmpty(c.MergedInto)) e.Add("mergedInto", "name the project of this enterprise it is merged into");
            else if (c.MergedInto == c.ProjectId) e.Add("mergedInto", "a project cannot merge into itself");
            else if (current.Projects.FirstOrDefault(p => p.Id == c.MergedInto) is not { } target) e.Add("mergedInto", "no such project of this enterprise");
            else if (target.Entry == ProjectEntry.Exited) e.Add("mergedInto", "that project has left the project database");
        }
        else if (c.MergedInto is not null) e.Add("mergedInto", "only a merged project names the project it went into");
        if (e.Any) return Outcome.Fail(e);
        if (project.Entry == ProjectEntry.Exited) return Outcome.Same;
        var next = project with
        {
            Entry = ProjectEntry.Exited, Status = ProjectStatus.Cancelled, ExitReason = c.Reason,
            MergedInto = c.Reason == "merged" ? c.MergedInto : null, EntryNote = note ?? project.EntryNote,
        };
        return new(WithProject(current, index, next), null);
    }

    public static Outcome SetKey(Enterprise current, SetKeyProject c)
    {
        var index = Array.FindIndex(current.Projects, p => p.Id == c.ProjectId);
        if (index < 0) return Outcome.Fail(new FieldErrors());
        var project = current.Projects[index];
        return project.Key == c.Key ? Outcome.Same : new(WithProject(current, index, project with { Key = c.Key }), null);
    }

    public static Outcome SetMilestone(Enterprise current, SetMilestone c, ProgrammeCalendar calendar)
    {
        var e = new FieldErrors();
        var month = e.Month("month", c.Month, required: false);
        if (month > calendar.ReportingMonth) e.Add("month", $"must not be after the reporting month {calendar.ReportingMonth}");
        if (e.Any) return Outcome.Fail(e);
        var next = c.Milestone == Milestone.Cloud ? current with { CloudSince = month } : current with { DigitalSince = month };
        return next == current ? Outcome.Same : new(next, null);
    }

    public static Outcome AddCertification(Enterprise current, AddCertification c, ProgrammeCalendar calendar)
    {
        var e = new FieldErrors();
        var kind = e.Enum<CertificationKind>("kind", c.Kind);
        var level = e.Enum<CertificationLevel>("level", c.Level);
        var month = e.Month("month", c.Month);
        if (month > calendar.ReportingMonth) e.Add("month", $"must not be after the reporting month {calendar.ReportingMonth}");
        if (current.Certifications.Length >= MaxCertifications) e.Add("certifications", $"at most {MaxCertifications} certifications");
        if (e.Any) return Outcome.Fail(e);
        if (current.Certifications.Any(x => x.Kind == kind && x.Level == level)) return Outcome.Same;
        var cert = new Certification(kind!.Value, level!.Value, month!.Value);
        return new(current with { Certifications = [.. current.Certifications, cert] }, null);
    }

    public static Outcome RecordGrant(Enterprise current, RecordGrant c)
    {
        var e = new FieldErrors();
        if (current.Projects.All(p => p.Id != c.ProjectId)) e.Add("projectId", "no such project of this enterprise");
        if (string.IsNullOrWhiteSpace(c.BatchId)) e.Add("batchId", "is required");
        e.Money("awarded", c.Awarded);
        e.Money("disbursed", c.Disbursed);
        if (c.Disbursed > c.Awarded) e.Add("disbursed", "must not exceed the amount awarded");
        if (e.Any) return Outcome.Fail(e);
        var grant = new GrantReceived
        {
            BatchId = c.BatchId, ProjectId = c.ProjectId, Class = c.Class, Awarded = c.Awarded,
            Disbursed = c.Disbursed, AwardedMonth = c.AwardedMonth,
        };
        var others = current.Grants.Where(g => !(g.BatchId == c.BatchId && g.ProjectId == c.ProjectId)).ToList();
        if (others.Count < current.Grants.Length && current.Grants.Contains(grant)) return Outcome.Same;
        return new(current with { Grants = [.. others, grant] }, null);
    }

    private static Enterprise WithProject(Enterprise current, int index, Project project)
    {
        var projects = (Project[])current.Projects.Clone();
        projects[index] = project;
        return current with { Projects = projects };
    }

    /// <summary>"p0"…"p31", one instance each for every firm's projects (most firms have a few).</summary>
    private static readonly string[] ProjectIds = [.. Enumerable.Range(0, 32).Select(n => $"p{n}")];

    private static string NextProjectId(Enterprise current)
    {
        var max = 0;
        foreach (var p in current.Projects)
        {
            if (p.Id.Length > 1 && p.Id[0] == 'p' && int.TryParse(p.Id.AsSpan(1), out var n) && n > max) max = n;
        }
        return max + 1 < ProjectIds.Length ? ProjectIds[max + 1] : $"p{max + 1}";
    }
}
