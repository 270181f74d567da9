using Programme.Domain;
using Programme.Grains.Data;
using Programme.Simulation;

namespace Programme.Grains.Simulation;

/// <summary>
/// The populations a scenario starts from: the baseline registry as it stood at the start month, a copy of live
/// enterprises, or a synthetic population drawn from the registry's mix of counties, sectors and sizes.
/// </summary>
public static class Populations
{
    private static readonly Lazy<Dataset> Registry = new(SanmenxiaDataset.Generate);

    /// <summary>The registry generator's own cut-off: the baseline cannot start later than the month after it.</summary>
    public static readonly YearMonth RegistryAsOf = new(2022, 8);

    /// <summary>How many recent months give an underway project's pace.</summary>
    public const int PaceMonths = 3;

    public static IReadOnlyList<Enterprise> RegistryEnterprises => Registry.Value.Enterprises;

    /// <summary>
    /// The registry's firms as they stood at the end of the month before <paramref name="start"/>: projects that begin
    /// later are not there yet, investment is what was spent before, certifications, milestones and grants are those
    /// already held; a firm the registry lists as revived through transformation is still idle if its first project
    /// is yet to come. The firms stay on the 2022 above-scale list throughout.
    /// </summary>
    public static SeedFirm[] Baseline(YearMonth start, int[] batchMonths) =>
        Registry.Value.Enterprises.Select(e => AsOf(e, start, batchMonths, reviveUnstarted: true, live: false)).ToArray();

    /// <summary>Live enterprises (forked at the reporting month), ordered by id so the order never depends on the read.</summary>
    public static SeedFirm[] Live(IEnumerable<Enterprise> enterprises, YearMonth start, int[] batchMonths) =>
        enterprises.OrderBy(e => e.Id, StringComparer.Ordinal)
            .Select(e => AsOf(e, start, batchMonths, reviveUnstarted: false, live: true)).ToArray();

    /// <summary>Firm <paramref name="index"/> of a synthetic population: a registry firm's county, sector and size, no project yet.</summary>
    public static SeedFirm Synthetic(int index, ulong world)
    {
        var registry = Registry.Value.Enterprises;
        var template = registry[(int)(SimRandom.Combine(world, (ulong)index) % (ulong)registry.Count)];
        return new SeedFirm
        {
            Id = $"synthetic-{index:D7}", CountyId = template.CountyId, Sector = template.Sector, AboveScale = template.AboveScale,
            Status = template.Status is OperatingStatus.Halted or OperatingStatus.SemiHalted ? template.Status : OperatingStatus.Active,
        };
    }

    private static SeedFirm AsOf(Enterprise e, YearMonth start, int[] batchMonths, bool reviveUnstarted, bool live)
    {
        var lastCall = LastCallBefore(start, batchMonths);
        var projects = e.Projects
            .Where(p => p.Status is (ProjectStatus.Underway or ProjectStatus.Completed) && p.StartMonth < start)
            .Select(p =>
            {
                long invested = 0, sinceCall = 0, recent = 0;
                var recentFrom = start.AddMonths(-PaceMonths);
                foreach (var m in p.Monthly)
                {
                    if (m.Month >= start) continue;
                    var yuan = (long)m.Amount;
                    invested += yuan;
                    if (m.Month >= lastCall) sinceCall += yuan;
                    if (m.Month >= recentFrom) recent += yuan;
                }
                var completed = p.Status == ProjectStatus.Completed && p.EndMonth < start;
                // Its live pace: the average month of the last three (or of those since it started).
                var months = Math.Clamp((p.StartMonth < recentFrom ? recentFrom : p.StartMonth).MonthsUntil(start), 1, PaceMonths);
                return new SeedProject(p.Kind, (long)p.TotalInvestment, invested, p.StartMonth, p.EndMonth, completed, sinceCall, Pace: recent / months,
                    Equipment: (long)(p.EquipmentInvestment ?? 0m));
            })
            .ToArray();
        // Planned projects (not yet underway) begin in the simulation at their start month, or at once if it has passed; so
        // does, in a live fork, a project reported underway whose start month is not before the fork (it has no past to
        // continue). A registry restated at a past month has no such projects: its later projects are the model's to create.
        var planned = e.Projects.Where(p => p.Status == ProjectStatus.Planned || (live && p.Status == ProjectStatus.Underway && p.StartMonth >= start))
            .Select(p =>
            {
                var from = p.StartMonth < start ? start : p.StartMonth;
                var end = p.EndMonth < from ? from : p.EndMonth;
                return new SeedProject(p.Kind, (long)p.TotalInvestment, 0, from, end, false, 0, Scheduled: true,
                    Equipment: (long)(p.EquipmentInvestment ?? 0m));
            });
        var status = e.Status;
        if (reviveUnstarted && status == OperatingStatus.Revived && projects.Length == 0)
            status = (SimRandom.Hash(e.Id) & 1) == 0 ? OperatingStatus.Halted : OperatingStatus.SemiHalted;
        byte Level(Func<CertificationKind, bool> ladder) => (byte)e.Certifications
            .Where(c => ladder(c.Kind) && c.Month < start).Select(c => (int)c.Level + 1).DefaultIfEmpty(0).Max();
        return new SeedFirm
        {
            Id = e.Id, CountyId = e.CountyId, Sector = e.Sector, AboveScale = e.AboveScale, Status = status,
            Projects = [.. projects, .. planned],
            GreenLevel = Level(k => k == CertificationKind.GreenFactory),
            SmartLevel = Level(k => k is CertificationKind.SmartWorkshop or CertificationKind.SmartFactory or CertificationKind.SmartManufacturingBenchmark),
            Digital = e.DigitalSince is { } d && d < start,
            Cloud = e.CloudSince is { } c && c < start,
            Grants = (long)e.Grants.Where(g => g.AwardedMonth < start).Sum(g => g.Awarded),
            Version = e.Version,
        };
    }

    /// <summary>The most recent batch call before the start month (at most a year back): where the first window opens.</summary>
    public static YearMonth LastCallBefore(YearMonth start, int[] batchMonths)
    {
        for (var back = 1; back <= 12; back++)
        {
            var m = start.AddMonths(-back);
            if (batchMonths.Contains(m.Month)) return m;
        }
        return start.AddMonths(-12);
    }
}
