using Programme.Domain;

namespace Programme.Grains.Data;

/// <summary>
/// The project database's three planning batches (谋划批次) in the default data, exactly as the reply gives them: 583
/// projects, 663.77 亿 in the first three; the third (三工业〔2022〕3号) 155 firms, 204 projects, 340 亿 with the kind split
/// 42 / 28.6 亿, 41 / 48.4 亿, 121 / 263 亿. Each batch is made of registry projects begun after it (taken smallest first, so
/// as many as fit), plus projects planned in it that have not started yet (the third batch: planned, entered, due to start
/// Sep 2022 – 2023) or that left the database since (the first two: cancelled or merged, 出库). Neither kind of extra project
/// counts in the programme's figures, which count projects implemented, so every registry total stays the seed's. Key
/// projects (重点项目): the five inspected in February 2022 and the 25 largest of the year. docs/DATA.md tells the choices.
/// </summary>
internal static class SanmenxiaPlanning
{
    private const int Seed = 20220110;
    private const long MinimumYuan = 2_000_000;      // a planned project is at least 200 万
    private const int KeyLargest = 25;

    private sealed class Firm(Enterprise e)
    {
        public Enterprise Enterprise = e;
        public readonly List<Project> Added = [];
        public readonly Dictionary<string, string> Tags = new(StringComparer.Ordinal);
        public readonly HashSet<string> Key = new(StringComparer.Ordinal);
    }

    public static List<Enterprise> Attach(IReadOnlyList<Enterprise> registry)
    {
        var rng = new Random(Seed);
        var firms = registry.Select(e => new Firm(e)).ToList();
        var above = firms.Where(f => f.Enterprise.AboveScale).ToList();
        var all = above.SelectMany(f => f.Enterprise.Projects.Where(p => p.Implemented).Select(p => (Firm: f, Project: p))).ToList();
        var taken = new HashSet<(string, string)>();

        // The third batch, kind by kind, from the projects begun in 2022.
        var third = PlanningBatches.All.Single(b => b.Id == "2022-3");
        var thirdFirms = new HashSet<Firm>();
        var thirdFill = new List<(ProjectKind Kind, long Yuan)>();
        foreach (var k in third.Kinds)
        {
            var candidates = all.Where(x => x.Project.Kind == k.Kind && x.Project.StartMonth.Year == 2022).ToList();
            var (chosen, fill) = Choose(rng, candidates, k.Projects, (long)k.TotalInvestment);
            foreach (var x in chosen) { x.Firm.Tags[x.Project.Id] = third.Id; thirdFirms.Add(x.Firm); taken.Add((x.Firm.Enterprise.Id, x.Project.Id)); }
            thirdFill.AddRange(fill.Select(y => (k.Kind, y)));
        }
        // The planned projects go first to firms not in the batch yet — the not-yet-covered firms before others (一企一策) — until
        // the batch has its 155 firms, then to firms already in it.
        if (thirdFirms.Count > third.Firms) throw new InvalidOperationException("the third batch's projects span too many firms");
        var newcomers = above.Where(f => !thirdFirms.Contains(f)).OrderBy(f => f.Enterprise.Covered ? 1 : 0).ThenBy(_ => rng.Next()).ToList();
        var inBatch = thirdFirms.OrderBy(f => f.Enterprise.Id, StringComparer.Ordinal).ToList();
        var fillOrder = thirdFill.OrderBy(_ => rng.Next()).ToList();
        var n = 0;
        foreach (var (kind, yuan) in fillOrder)
        {
            var firm = thirdFirms.Count < third.Firms ? newcomers[n++] : inBatch[rng.Next(inBatch.Count)];
            thirdFirms.Add(firm);
            var start = rng.Next(10) < 7 ? new YearMonth(2022, 9 + rng.Next(4)) : new YearMonth(2023, 1 + rng.Next(6));
            AddProject(rng, firm, kind, yuan, start, start.AddMonths(6 + rng.Next(18)), ProjectStatus.Planned, ProjectEntry.Entered, third.Id);
        }
        if (thirdFirms.Count != third.Firms) throw new InvalidOperationException("the third batch does not reach its 155 firms");

        // The first two batches: projects begun after each, and the ones that left the database since.
        // A project planned in an earlier round may have begun any time after it; taken in random order, so big and small mix.
        foreach (var batch in PlanningBatches.All.Where(b => b.Id != third.Id))
        {
            var candidates = all.Where(x => x.Project.StartMonth >= batch.Month && !taken.Contains((x.Firm.Enterprise.Id, x.Project.Id))).ToList();
            var (chosen, fill) = Choose(rng, candidates, batch.Projects, (long)batch.TotalInvestment, smallestFirst: false);
            foreach (var x in chosen) { x.Firm.Tags[x.Project.Id] = batch.Id; taken.Add((x.Firm.Enterprise.Id, x.Project.Id)); }
            var hosts = chosen.Select(x => x.Firm).Distinct().OrderBy(f => f.Enterprise.Id, StringComparer.Ordinal).ToList();
            foreach (var yuan in fill)
            {
                var firm = hosts[rng.Next(hosts.Count)];
                var kind = (ProjectKind)rng.Next(3);
                var start = batch.Month.AddMonths(2 + rng.Next(8));
                AddProject(rng, firm, kind, yuan, start, start.AddMonths(6 + rng.Next(12)), ProjectStatus.Cancelled, ProjectEntry.Exited, batch.Id,
                    merged: rng.Next(3) == 0);
            }
        }

        // Key projects: the inspected ones and the year's largest.
        foreach (var f in above)
            foreach (var p in f.Enterprise.Projects.Where(p => p.ActiveIn(2022) && SanmenxiaDataset.Named.Any(nf => nf.InspectedProject == p.Name)))
                f.Key.Add(p.Id);
        foreach (var x in all.Where(x => x.Project.ActiveIn(2022) && !x.Firm.Key.Contains(x.Project.Id))
                     .OrderByDescending(x => x.Project.TotalInvestment).ThenBy(x => x.Firm.Enterprise.Id, StringComparer.Ordinal).Take(KeyLargest))
            x.Firm.Key.Add(x.Project.Id);

        return [.. firms.Select(f => f.Enterprise with
        {
            Projects =
            [
                .. f.Enterprise.Projects.Select(p => Categorise(p with
                {
                    PlanningBatch = f.Tags.GetValueOrDefault(p.Id), Key = f.Key.Contains(p.Id), Entry = ProjectEntry.Entered,
                })),
                .. f.Added.Select(Categorise),
            ],
        })];
    }

    /// <summary>
    /// The fund's categories by what a project is (5G+…, industrial-internet platform), and an intelligent project's eligible
    /// equipment investment (60 % of its total, kept within it), the base of machine-replaces-labour support.
    /// </summary>
    private static Project Categorise(Project p) => p with
    {
        Theme = p.Name.Contains("5G", StringComparison.Ordinal) ? ProjectTheme.FiveG
            : p.Name.Contains("工业互联网", StringComparison.Ordinal) ? ProjectTheme.IndustrialInternet : p.Theme,
        EquipmentInvestment = p.Kind != ProjectKind.Intelligent ? p.EquipmentInvestment
            : Math.Min(p.TotalInvestment, p.EquipmentInvestment ?? SanmenxiaBatch2022.Equipment(p)),
    };

    /// <summary>
    /// As many candidates as fit (smallest first, random among equals — or in random order), leaving at least three projects and 200 万 each to
    /// plan; returns them and the amounts of the projects still to plan, so the batch totals exactly.
    /// </summary>
    private static (List<(Firm Firm, Project Project)> Chosen, long[] Fill) Choose(Random rng,
        List<(Firm Firm, Project Project)> candidates, int projects, long yuan, bool smallestFirst = true)
    {
        var chosen = new List<(Firm, Project)>();
        long sum = 0;
        var order = candidates.OrderBy(x => x.Firm.Enterprise.Id, StringComparer.Ordinal).ThenBy(x => x.Project.Id, StringComparer.Ordinal).ToList();
        foreach (var x in smallestFirst ? order.OrderBy(x => x.Project.TotalInvestment).ThenBy(_ => rng.Next()) : order.OrderBy(_ => rng.Next()))
        {
            if (chosen.Count >= projects - 3) break;
            var total = (long)x.Project.TotalInvestment;
            if (sum + total + (projects - chosen.Count - 1) * MinimumYuan > yuan) continue;
            chosen.Add(x);
            sum += total;
        }
        var rest = projects - chosen.Count;
        var fill = Partition.Split((yuan - sum) / 10_000, [.. Enumerable.Range(0, rest).Select(_ => Math.Exp(rng.NextDouble() * 2))], MinimumYuan / 10_000)
            .Select(w => w * 10_000).ToArray();
        fill[0] += (yuan - sum) % 10_000;   // the chosen projects' odd yuan, so the batch totals exactly
        return (chosen, fill);
    }

    private static void AddProject(Random rng, Firm firm, ProjectKind kind, long yuan, YearMonth start, YearMonth end,
        ProjectStatus status, ProjectEntry entry, string batch, bool merged = false)
    {
        var e = firm.Enterprise;
        var index = e.Projects.Length + firm.Added.Count + 1;
        var words = SanmenxiaDataset.ProjectWords[kind];
        var project = new Project
        {
            Id = $"p{index}", Name = $"{words[rng.Next(words.Length)]}项目（{start.Year}谋划）", Kind = kind, TotalInvestment = yuan,
            StartMonth = start, EndMonth = end, Status = status, Entry = entry, PlanningBatch = batch,
            ExitReason = entry == ProjectEntry.Exited ? (merged && e.Projects.Length > 0 ? "merged" : "cancelled") : null,
            MergedInto = entry == ProjectEntry.Exited && merged && e.Projects.Length > 0 ? e.Projects[0].Id : null,
        };
        firm.Added.Add(project);
    }
}
