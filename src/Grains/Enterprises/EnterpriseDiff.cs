using System.Globalization;
using Programme.Domain;

namespace Programme.Grains.Enterprises;

/// <summary>What changed between two versions of an enterprise, field by field, for the audit trail.</summary>
public static class EnterpriseDiff
{
    public static FieldChange[] Between(Enterprise? before, Enterprise after)
    {
        var changes = new List<FieldChange>();
        void Field(string name, object? a, object? b)
        {
            var x = Text(a);
            var y = Text(b);
            if (x != y) changes.Add(new FieldChange(name, x, y));
        }

        Field("name", before?.Name, after.Name);
        Field("countyId", before?.CountyId, after.CountyId);
        Field("sector", before?.Sector, after.Sector);
        Field("aboveScale", before?.AboveScale, after.AboveScale);
        Field("aboveScaleSince", before?.AboveScaleSince, after.AboveScaleSince);
        Field("status", before is null ? null : Wire.Name(before.Status), Wire.Name(after.Status));
        Field("cloudSince", before?.CloudSince, after.CloudSince);
        Field("digitalSince", before?.DigitalSince, after.DigitalSince);

        var oldProjects = (before?.Projects ?? []).ToDictionary(p => p.Id);
        foreach (var p in after.Projects)
        {
            var path = $"projects/{p.Id}";
            if (!oldProjects.TryGetValue(p.Id, out var o))
            {
                changes.Add(new FieldChange(path, null,
                    $"{p.Name}; {Wire.Name(p.Kind)}; {Text(p.TotalInvestment)}; {Text(p.PlannedThisYear)}; {p.StartMonth}–{p.EndMonth}; {Wire.Name(p.Status)}; {Wire.Name(p.Entry)}{(p.PlanningBatch is null ? "" : "; " + p.PlanningBatch)}"));
                foreach (var m in p.Monthly) changes.Add(new FieldChange($"{path}/monthly/{m.Month}", null, Text(m.Amount)));
                continue;
            }
            Field($"{path}/name", o.Name, p.Name);
            Field($"{path}/status", Wire.Name(o.Status), Wire.Name(p.Status));
            Field($"{path}/totalInvestment", o.TotalInvestment, p.TotalInvestment);
            Field($"{path}/plannedThisYear", o.PlannedThisYear, p.PlannedThisYear);
            Field($"{path}/entry", Wire.Name(o.Entry), Wire.Name(p.Entry));
            Field($"{path}/entryNote", o.EntryNote, p.EntryNote);
            Field($"{path}/exitReason", o.ExitReason, p.ExitReason);
            Field($"{path}/mergedInto", o.MergedInto, p.MergedInto);
            Field($"{path}/key", o.Key, p.Key);
            Field($"{path}/planningBatch", o.PlanningBatch, p.PlanningBatch);
            var oldSchedule = o.Schedule.ToDictionary(s => s.Month);
            foreach (var s in p.Schedule)
            {
                oldSchedule.TryGetValue(s.Month, out var os);
                Field($"{path}/schedule/{s.Month}/progress", os?.Progress, s.Progress);
                Field($"{path}/schedule/{s.Month}/progressPercent", os?.ProgressPercent, s.ProgressPercent);
                Field($"{path}/schedule/{s.Month}/problems", os?.Problems, s.Problems);
                Field($"{path}/schedule/{s.Month}/inStatistics", os?.InStatistics, s.InStatistics);
            }
            var oldMonths = o.Monthly.ToDictionary(m => m.Month, m => m.Amount);
            var newMonths = p.Monthly.ToDictionary(m => m.Month, m => m.Amount);
            foreach (var month in oldMonths.Keys.Union(newMonths.Keys).Order())
                Field($"{path}/monthly/{month}", oldMonths.TryGetValue(month, out var a) ? a : 0m, newMonths.TryGetValue(month, out var b) ? b : 0m);
        }

        var oldCerts = (before?.Certifications ?? []).Select(Describe).ToHashSet();
        foreach (var c in after.Certifications.Select(Describe).Where(c => !oldCerts.Contains(c)))
            changes.Add(new FieldChange("certifications", null, c));

        var oldGrants = (before?.Grants ?? []).ToDictionary(g => (g.BatchId, g.ProjectId));
        foreach (var g in after.Grants)
        {
            oldGrants.TryGetValue((g.BatchId, g.ProjectId), out var o);
            Field($"grants/{g.BatchId}/{g.ProjectId}/awarded", o?.Awarded, g.Awarded);
            Field($"grants/{g.BatchId}/{g.ProjectId}/disbursed", o?.Disbursed, g.Disbursed);
        }
        return [.. changes];
    }

    private static string Describe(Certification c) => $"{Wire.Name(c.Kind)}; {Wire.Name(c.Level)}; {c.Month}";

    private static string? Text(object? value) => value switch
    {
        null => null,
        decimal d => d.ToString("0.##", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
