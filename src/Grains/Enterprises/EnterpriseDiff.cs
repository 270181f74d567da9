using System.Globalization;
using Programme.Domain;

namespace Programme.Grains.Enterprises;

/// <summary>
/// What changed between two versions of an enterprise, field by field, for the audit trail. A change rebuilds only
/// what it touches (the records are immutable), so whatever is the same object in both versions is skipped without
/// looking inside, and a field is turned into text only when its values differ.
/// </summary>
public static class EnterpriseDiff
{
    public static FieldChange[] Between(Enterprise? before, Enterprise after)
    {
        var changes = new List<FieldChange>(4);
        Field(changes, "name", before?.Name, after.Name);
        Field(changes, "countyId", before?.CountyId, after.CountyId);
        Field(changes, "sector", before?.Sector, after.Sector);
        Field(changes, "aboveScale", before?.AboveScale, after.AboveScale);
        Field(changes, "aboveScaleSince", before?.AboveScaleSince, after.AboveScaleSince);
        if (before is null || before.Status != after.Status)
            Text(changes, "status", before is null ? null : Wire.Name(before.Status), Wire.Name(after.Status));
        Field(changes, "cloudSince", before?.CloudSince, after.CloudSince);
        Field(changes, "digitalSince", before?.DigitalSince, after.DigitalSince);

        var oldProjects = before?.Projects ?? [];
        if (!ReferenceEquals(oldProjects, after.Projects))
        {
            for (var i = 0; i < after.Projects.Length; i++)
            {
                var p = after.Projects[i];
                var o = Find(oldProjects, i, p.Id);
                if (ReferenceEquals(o, p)) continue;
                var path = $"projects/{p.Id}";
                if (o is null)
                {
                    changes.Add(new FieldChange(path, null,
                        $"{p.Name}; {Wire.Name(p.Kind)}; {Format(p.TotalInvestment)}; {Format(p.PlannedThisYear)}; {p.StartMonth}–{p.EndMonth}; {Wire.Name(p.Status)}; {Wire.Name(p.Entry)}{(p.PlanningBatch is null ? "" : "; " + p.PlanningBatch)}"));
                    foreach (var m in p.Monthly) changes.Add(new FieldChange($"{path}/monthly/{m.Month}", null, Format(m.Amount)));
                    continue;
                }
                Field(changes, path, "/name", o.Name, p.Name);
                if (o.Status != p.Status) Text(changes, $"{path}/status", Wire.Name(o.Status), Wire.Name(p.Status));
                Field(changes, path, "/totalInvestment", o.TotalInvestment, p.TotalInvestment);
                Field(changes, path, "/plannedThisYear", o.PlannedThisYear, p.PlannedThisYear);
                if (o.Entry != p.Entry) Text(changes, $"{path}/entry", Wire.Name(o.Entry), Wire.Name(p.Entry));
                Field(changes, path, "/entryNote", o.EntryNote, p.EntryNote);
                Field(changes, path, "/exitReason", o.ExitReason, p.ExitReason);
                Field(changes, path, "/mergedInto", o.MergedInto, p.MergedInto);
                Field(changes, path, "/key", o.Key, p.Key);
                Field(changes, path, "/planningBatch", o.PlanningBatch, p.PlanningBatch);
                if (!ReferenceEquals(o.Schedule, p.Schedule)) Schedule(changes, path, o.Schedule, p.Schedule);
                if (!ReferenceEquals(o.Monthly, p.Monthly)) Monthly(changes, path, o.Monthly, p.Monthly);
            }
        }

        var oldCertificates = before?.Certifications ?? [];
        if (!ReferenceEquals(oldCertificates, after.Certifications) && after.Certifications.Length > 0)
        {
            var old = oldCertificates.Select(Describe).ToHashSet();
            foreach (var c in after.Certifications.Select(Describe).Where(c => !old.Contains(c)))
                changes.Add(new FieldChange("certifications", null, c));
        }

        var oldGrants = before?.Grants ?? [];
        if (!ReferenceEquals(oldGrants, after.Grants) && after.Grants.Length > 0)
        {
            var old = oldGrants.ToDictionary(g => (g.BatchId, g.ProjectId));
            foreach (var g in after.Grants)
            {
                old.TryGetValue((g.BatchId, g.ProjectId), out var o);
                Field(changes, $"grants/{g.BatchId}/{g.ProjectId}", "/awarded", o?.Awarded, g.Awarded);
                Field(changes, $"grants/{g.BatchId}/{g.ProjectId}", "/disbursed", o?.Disbursed, g.Disbursed);
            }
        }
        return [.. changes];
    }

    /// <summary>The project of that id in the earlier version: usually at the same position, since projects are only appended.</summary>
    private static Project? Find(Project[] projects, int index, string id)
    {
        if (index < projects.Length && projects[index].Id == id) return projects[index];
        foreach (var p in projects)
            if (p.Id == id) return p;
        return null;
    }

    private static void Schedule(List<FieldChange> changes, string path, ScheduleReport[] before, ScheduleReport[] after)
    {
        var old = before.ToDictionary(s => s.Month);
        foreach (var s in after)
        {
            old.TryGetValue(s.Month, out var os);
            if (ReferenceEquals(os, s)) continue;
            var at = $"{path}/schedule/{s.Month}";
            Field(changes, at, "/progress", os?.Progress, s.Progress);
            Field(changes, at, "/progressPercent", os?.ProgressPercent, s.ProgressPercent);
            Field(changes, at, "/problems", os?.Problems, s.Problems);
            Field(changes, at, "/inStatistics", os?.InStatistics, s.InStatistics);
        }
    }

    /// <summary>Every month either version holds, ascending, a missing month counting as 0.</summary>
    private static void Monthly(List<FieldChange> changes, string path, MonthlyInvestment[] before, MonthlyInvestment[] after)
    {
        if (!Ascending(before) || !Ascending(after))
        {
            var oldMonths = before.ToDictionary(m => m.Month, m => m.Amount);
            var newMonths = after.ToDictionary(m => m.Month, m => m.Amount);
            foreach (var month in oldMonths.Keys.Union(newMonths.Keys).Order())
                Month(changes, path, month, oldMonths.GetValueOrDefault(month), newMonths.GetValueOrDefault(month));
            return;
        }
        int i = 0, j = 0;
        while (i < before.Length || j < after.Length)
        {
            var c = i == before.Length ? 1 : j == after.Length ? -1 : before[i].Month.CompareTo(after[j].Month);
            if (c < 0) { Month(changes, path, before[i].Month, before[i].Amount, 0m); i++; }
            else if (c > 0) { Month(changes, path, after[j].Month, 0m, after[j].Amount); j++; }
            else
            {
                if (!ReferenceEquals(before[i], after[j])) Month(changes, path, after[j].Month, before[i].Amount, after[j].Amount);
                i++;
                j++;
            }
        }
    }

    private static bool Ascending(MonthlyInvestment[] months)
    {
        for (var i = 1; i < months.Length; i++)
            if (months[i - 1].Month.CompareTo(months[i].Month) >= 0) return false;
        return true;
    }

    private static void Month(List<FieldChange> changes, string path, YearMonth month, decimal before, decimal after)
    {
        if (before == after) return;
        var x = Format(before);
        var y = Format(after);
        if (x != y) changes.Add(new FieldChange($"{path}/monthly/{month}", x, y));
    }

    /// <summary>Equal values give equal text, so only differing ones are formatted (and recorded if their text differs too).</summary>
    private static void Field<T>(List<FieldChange> changes, string name, T before, T after)
    {
        if (EqualityComparer<T>.Default.Equals(before, after)) return;
        Text(changes, name, Format(before), Format(after));
    }

    private static void Field<T>(List<FieldChange> changes, string path, string field, T before, T after)
    {
        if (EqualityComparer<T>.Default.Equals(before, after)) return;
        Text(changes, path + field, Format(before), Format(after));
    }

    private static void Text(List<FieldChange> changes, string name, string? before, string? after)
    {
        if (before != after) changes.Add(new FieldChange(name, before, after));
    }

    private static string Describe(Certification c) => $"{Wire.Name(c.Kind)}; {Wire.Name(c.Level)}; {c.Month}";

    private static string? Format(object? value) => value switch
    {
        null => null,
        decimal d => d.ToString("0.##", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
