using Programme.Domain;
using Programme.Grains.Grants;
using Programme.Grants;

namespace Programme.Grains.Data;

/// <summary>
/// Funding batch 2022-1 (三工信〔2022〕37号) exactly as the seed reports it, attached to firms and projects of the registry:
/// 54 applications asking 10,065.72 万 — 38 subsidy-class projects with 12.16 亿 of total investment, 3.18 亿 of it
/// completed in the window, asking 9,555.72 万; 16 reward-class asking 510 万 — of which 44 were awarded 8,546.57 万
/// (32 subsidy-class 8,186.57 万, 12 reward-class 360 万) in August 2022, not yet paid. The subsidy projects are older
/// projects finished in 2021 whose amounts are set so the declared figures follow from their recorded investment under
/// the batch's rules; what they gain or lose is given back to other older projects, so every registry total stays the
/// seed's. docs/DATA.md tells the choices.
/// </summary>
internal static class SanmenxiaBatch2022
{
    public const string Id = "2022-1";
    private const int Seed = 20220425;

    // The seed's figures, yuan.
    public const int SubsidyApplications = 38, SubsidyAwards = 32, RewardApplications = 16, RewardAwards = 12;
    public const long SubsidyTotalInvestment = 1_216_000_000, SubsidyInWindow = 318_000_000;
    public const long SubsidyRequested = 95_557_200, SubsidyAwarded = 81_865_700, RewardRequested = 5_100_000, RewardAwarded = 3_600_000;

    // Our reading of the call's rules: 35 % of the investment completed in 2021, at most 300 万 a project. Six projects reach
    // the cap; the other 32 ask 35 % of what they completed — the only split of 3.18 亿 that gives 9,555.72 万 exactly.
    private const decimal Rate = 0.35m;
    private const long Cap = 3_000_000;
    private const int Capped = 6;
    private const long UncappedInWindow = (SubsidyRequested - Capped * Cap) * 100 / 35;   // 221,592,000
    private const long CappedMinimum = Cap * 100 / 35 + 1;                                  // completes ≥ 8,571,429 to reach the cap

    private static readonly YearMonth From = new(2021, 1), To = new(2021, 12);

    public static BatchCall Call { get; } = new()
    {
        Name = "2022年度第一批“三大改造”暨5G、工业互联网项目",
        Reference = "三工信〔2022〕37号",
        WindowFrom = From,
        WindowTo = To,
        Kinds = [ProjectKind.Intelligent, ProjectKind.Green, ProjectKind.Technical],
        // 三大改造暨5G、工业互联网: the fund's own categories too.
        Themes = [ProjectTheme.FiveG, ProjectTheme.IndustrialInternet],
        Subsidy = new SubsidyRule(Rate, Cap),
        // 机器换人 as a ratio of the eligible equipment investment — the ratio the reply calls too low (机器换人支持比例偏低):
        // 10 %, at most 20 万 a project.
        MachineReplacesLabour = new SubsidyRule(0.10m, 200_000m),
        Rewards =
        [
            new RewardAmount(RewardResult.SmartFactory, 500_000m),
            new RewardAmount(RewardResult.SmartWorkshop, 300_000m),
            new RewardAmount(RewardResult.GreenFactory, 500_000m),
            new RewardAmount(RewardResult.SmartManufacturingBenchmark, 500_000m),
        ],
        Budget = null, // 上不封顶: the seed describes the fund as uncapped
    };

    /// <summary>
    /// The 16 reward applications (machine replaces labour: 10 % of ≥ 200 万 of equipment, so the 20 万 cap): 12 awarded (3 × 50 万, 3 × 30 万, 6 × 20 万 = 360 万) and 4 declined (2 × 50 万, 30 万,
    /// 20 万 = 150 万), 510 万 asked in all. The registry's firms certified in 2021 (one smart
    /// factory, four green factories, six benchmarks, six smart workshops) set the mix.
    /// </summary>
    private static readonly (RewardResult Result, bool Awarded)[] Rewards =
    [
        (RewardResult.SmartFactory, true), (RewardResult.GreenFactory, true), (RewardResult.SmartManufacturingBenchmark, true),
        (RewardResult.SmartWorkshop, true), (RewardResult.SmartWorkshop, true), (RewardResult.SmartWorkshop, true),
        (RewardResult.MachineReplacesLabour, true), (RewardResult.MachineReplacesLabour, true), (RewardResult.MachineReplacesLabour, true),
        (RewardResult.MachineReplacesLabour, true), (RewardResult.MachineReplacesLabour, true), (RewardResult.MachineReplacesLabour, true),
        (RewardResult.GreenFactory, false), (RewardResult.SmartManufacturingBenchmark, false), (RewardResult.SmartWorkshop, false),
        (RewardResult.MachineReplacesLabour, false),
    ];

    /// <summary>
    /// Where the ten applications that were not awarded stopped, and why (subsidy first, then reward). The reply counts its 54
    /// after the counties' on-site check, document review and joint recommendation, so every decline is at a city stage.
    /// </summary>
    private static readonly (ReviewStage Stage, string Reason)[] Declines =
    [
        (ReviewStage.EquipmentVerification, "设备核查：项目设备尚未全部安装到位，区间完成投资不足申报额"),
        (ReviewStage.EquipmentVerification, "设备核查：部分设备发票与实物不符"),
        (ReviewStage.EquipmentVerification, "设备核查：申报设备含二手设备，不符合支持条件"),
        (ReviewStage.ExpertRecheck, "专家复核：项目实际建设内容与申报不一致"),
        (ReviewStage.ExpertPanel, "专家评审：综合得分低于推荐线"),
        (ReviewStage.SpecialAudit, "专项审计：审定投资额低于申报条件"),
        (ReviewStage.ExpertRecheck, "专家复核：证书复印件与原件不符"),
        (ReviewStage.ExpertPanel, "专家评审：综合得分低于推荐线"),
        (ReviewStage.ExpertPanel, "专家评审：综合得分低于推荐线"),
        (ReviewStage.EquipmentVerification, "设备核查：工业机器人数量与申报不符"),
    ];

    private sealed class Pick
    {
        public required Enterprise Firm;
        public required Project Project;
        public GrantClass Class;
        public RewardResult? Result;
        public long InWindow;
        public long Total;
        public decimal Requested;
        public decimal Amount;
        public bool Awarded;
        public (ReviewStage Stage, string Reason)? Decline;
    }

    /// <summary>Sets the subsidy projects' amounts, gives the 44 awards to their firms, and returns the batch.</summary>
    public static (List<Enterprise> Enterprises, BatchSeed Batch) Attach(IReadOnlyList<Enterprise> registry)
    {
        var rng = new Random(Seed);
        var firms = registry.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var used = new HashSet<(string, string)>();
        // Rewards first: few firms were certified in 2021, and a firm applies for one project of the batch.
        var rewards = PickRewardProjects(rng, registry, used);
        // The machine-replaces-labour projects carry the equipment investment their support is a ratio of.
        foreach (var p in rewards.Where(p => p.Result == RewardResult.MachineReplacesLabour))
        {
            var firm = firms[p.Firm.Id];
            firms[p.Firm.Id] = firm with { Projects = [.. firm.Projects.Select(x => x.Id == p.Project.Id ? p.Project : x)] };
        }
        var subsidy = PickSubsidyProjects(rng, registry, used);
        SetSubsidyAmounts(rng, subsidy);
        Rebalance(rng, firms, subsidy);
        DecideOutcomes(rng, subsidy, rewards);

        var picks = subsidy.Concat(rewards).ToList();
        foreach (var p in picks.Where(p => p.Awarded))
        {
            var firm = firms[p.Firm.Id];
            firms[p.Firm.Id] = firm with
            {
                Grants =
                [
                    .. firm.Grants,
                    new GrantReceived { BatchId = Id, ProjectId = p.Project.Id, Class = p.Class, Awarded = p.Amount, Disbursed = 0m, AwardedMonth = new YearMonth(2022, 8) },
                ],
            };
        }
        // Applications are numbered in the order they came in.
        var ordered = picks.Select(p => (Pick: p, At: AppliedAt(rng))).OrderBy(x => x.At).ThenBy(x => x.Pick.Firm.Id).ToList();
        var applications = ordered.Select((x, i) => Application(rng, i + 1, x.Pick, x.At, firms[x.Pick.Firm.Id])).ToList();
        var batch = new BatchSeed(Id, Call, applications, AcceptingApplications: false, new DateTimeOffset(2022, 4, 25, 9, 0, 0, Beijing));
        return ([.. registry.Select(e => firms[e.Id])], batch);
    }

    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private static bool Granted(Enterprise f, Project p) => f.Grants.Any(g => g.ProjectId == p.Id);

    /// <summary>38 projects finished in 2021 that began before it, one per firm, none funded before, Hengkang's excepted.</summary>
    private static List<Pick> PickSubsidyProjects(Random rng, IReadOnlyList<Enterprise> registry, HashSet<(string, string)> used)
    {
        var firmsUsed = new HashSet<string>(used.Select(u => u.Item1));
        var candidates = registry
            .Where(f => f.AboveScale && f.Id != "hengkang-aluminium" && !firmsUsed.Contains(f.Id))
            .Select(f => (Firm: f, Projects: f.Projects.Where(p => p.Status == ProjectStatus.Completed && p.StartMonth < From
                && p.EndMonth >= From && p.EndMonth <= To && !Granted(f, p)).ToList()))
            .Where(x => x.Projects.Count > 0)
            .OrderBy(_ => rng.Next())
            .Take(SubsidyApplications)
            .Select(x => new Pick { Firm = x.Firm, Project = x.Projects[rng.Next(x.Projects.Count)], Class = GrantClass.Subsidy })
            .ToList();
        if (candidates.Count < SubsidyApplications) throw new InvalidOperationException("the registry has too few projects finished in 2021");
        foreach (var c in candidates) used.Add((c.Firm.Id, c.Project.Id));
        return candidates;
    }

    /// <summary>16 reward applications: firms certified in 2021 for the certificate rewards, intelligent projects finished in 2021 for machine-replaces-labour.</summary>
    private static List<Pick> PickRewardProjects(Random rng, IReadOnlyList<Enterprise> registry, HashSet<(string, string)> used)
    {
        var picks = new Pick[Rewards.Length];
        var firmsUsed = new HashSet<string>(used.Select(u => u.Item1));
        // The scarcest certificates first, so a firm holding several is not spent on a common one.
        foreach (var index in Enumerable.Range(0, Rewards.Length).OrderBy(i => Scarcity(Rewards[i].Result)))
        {
            var result = Rewards[index].Result;
            Pick? pick = null;
            foreach (var f in registry.Where(f => f.AboveScale && !firmsUsed.Contains(f.Id)).OrderBy(_ => rng.Next()))
            {
                var project = f.Projects.Where(p => !used.Contains((f.Id, p.Id)) && !Granted(f, p))
                    .Select(p => result == RewardResult.MachineReplacesLabour ? p with { EquipmentInvestment = Equipment(p) } : p)
                    .FirstOrDefault(p => AwardRules.Ineligibility(Call, f, p, GrantClass.Reward, result) is null);
                if (project is null) continue;
                pick = new Pick { Firm = f, Project = project, Class = GrantClass.Reward, Result = result, Requested = AwardRules.Requested(Call, project, GrantClass.Reward, result) };
                break;
            }
            if (pick is null) throw new InvalidOperationException($"no firm of the registry qualifies for a {result} reward");
            pick.Amount = pick.Requested;
            picks[index] = pick;
            firmsUsed.Add(pick.Firm.Id);
            used.Add((pick.Firm.Id, pick.Project.Id));
        }
        return [.. picks];
    }

    /// <summary>Eligible equipment investment of an intelligent project: 60 % of its total in whole 万, at least 200 万 (never above the total).</summary>
    internal static decimal Equipment(Project p) => Equipment(p.TotalInvestment);

    /// <summary>The same for a project of this total (the simulation's projects with no equipment investment recorded).</summary>
    internal static decimal Equipment(decimal total) =>
        Math.Min(total, Math.Max(2_000_000m, decimal.Floor(total * 0.6m / 10_000m) * 10_000m));

    private static int Scarcity(RewardResult r) => r switch
    {
        RewardResult.SmartFactory => 0,
        RewardResult.SmartManufacturingBenchmark => 1,
        RewardResult.GreenFactory => 2,
        RewardResult.SmartWorkshop => 3,
        _ => 4,
    };

    /// <summary>Each subsidy project's 2021 investment and total, so the 38 add up to the seed's 3.18 亿 and 12.16 亿.</summary>
    private static void SetSubsidyAmounts(Random rng, List<Pick> subsidy)
    {
        var capped = Partition.Split(SubsidyInWindow - UncappedInWindow, [.. Enumerable.Range(0, Capped).Select(_ => 1 + rng.NextDouble())], CappedMinimum);
        var uncapped = Partition.Split(UncappedInWindow, [.. Enumerable.Range(0, SubsidyApplications - Capped).Select(_ => 0.8 + 0.4 * rng.NextDouble())]);
        var before = Partition.Split(SubsidyTotalInvestment - SubsidyInWindow, [.. subsidy.Select(_ => Math.Exp(rng.NextDouble() * 1.5))], 1_000_000);
        var order = subsidy.OrderBy(_ => rng.Next()).ToList();
        for (var i = 0; i < order.Count; i++)
        {
            var p = order[i];
            p.InWindow = i < Capped ? capped[i] : uncapped[i - Capped];
            if (i >= Capped && p.InWindow >= CappedMinimum) throw new InvalidOperationException("an uncapped project would reach the cap");
            p.Total = p.InWindow + before[subsidy.IndexOf(p)];
            p.Requested = AwardRules.Subsidy(Call.Subsidy!, p.InWindow);
            p.Amount = p.Requested;
            var months = new List<MonthlyInvestment>();
            months.AddRange(Spread(p.Total - p.InWindow, p.Project.StartMonth, From.AddMonths(-1)));
            months.AddRange(Spread(p.InWindow, From, p.Project.EndMonth));
            p.Project = p.Project with { TotalInvestment = p.Total, Monthly = [.. months] };
        }
    }

    /// <summary>
    /// Gives what the subsidy projects gained or lost back to other projects finished before 2022 (never below 200 万), so
    /// the registry still totals 670 亿 with 358 亿 completed.
    /// </summary>
    private static void Rebalance(Random rng, Dictionary<string, Enterprise> firms, List<Pick> subsidy)
    {
        var chosen = subsidy.ToDictionary(p => (p.Firm.Id, p.Project.Id));
        foreach (var group in subsidy.GroupBy(p => p.Firm.Id))
        {
            var firm = firms[group.Key];
            firms[group.Key] = firm with { Projects = [.. firm.Projects.Select(p => chosen.TryGetValue((firm.Id, p.Id), out var c) ? c.Project : p)] };
        }
        var difference = subsidy.Sum(p => (long)(p.Firm.Projects.Single(x => x.Id == p.Project.Id).TotalInvestment - p.Total));
        if (difference == 0) return;
        var others = firms.Values.Where(f => f.AboveScale && f.Id != "hengkang-aluminium")
            .SelectMany(f => f.Projects.Where(p => p.Status == ProjectStatus.Completed && p.EndMonth < new YearMonth(2022, 1)
                && !chosen.ContainsKey((f.Id, p.Id)) && p.TotalInvestment >= 50_000_000m).Select(p => (Firm: f.Id, Project: p)))
            .OrderBy(x => x.Firm, StringComparer.Ordinal).ThenBy(x => x.Project.Id, StringComparer.Ordinal)
            .OrderBy(_ => rng.Next()).Take(60).ToList();
        var shares = Partition.Split(Math.Abs(difference), [.. others.Select(x => (double)x.Project.TotalInvestment)]);
        for (var i = 0; i < others.Count; i++)
        {
            var (firmId, project) = others[i];
            var total = (long)project.TotalInvestment + Math.Sign(difference) * shares[i];
            if (total < 2_000_000) throw new InvalidOperationException("rebalancing would leave a project below 200 万");
            var firm = firms[firmId];
            var next = project with { TotalInvestment = total, Monthly = [.. Spread(total, project.StartMonth, project.EndMonth)] };
            firms[firmId] = firm with { Projects = [.. firm.Projects.Select(p => p.Id == project.Id ? next : p)] };
        }
    }

    /// <summary>
    /// Which applications were declined, and where; what the audit cut from the awarded subsidies so they total 8,186.57 万.
    /// </summary>
    private static void DecideOutcomes(Random rng, List<Pick> subsidy, List<Pick> rewards)
    {
        // The six smallest uncapped subsidy applications were declined: the audit cut the rest by what is left over.
        var declined = subsidy.Where(p => p.Requested < Cap).OrderBy(p => p.Requested).ThenBy(p => p.Firm.Id, StringComparer.Ordinal)
            .Take(SubsidyApplications - SubsidyAwards).ToList();
        for (var i = 0; i < declined.Count; i++) declined[i].Decline = Declines[i];
        var awarded = subsidy.Except(declined).ToList();
        foreach (var p in awarded) p.Awarded = true;
        var cutFen = (long)((awarded.Sum(p => p.Requested) - SubsidyAwarded) * 100);
        if (cutFen < 0) throw new InvalidOperationException("the declined applications ask too much");
        var cut = awarded.Where(p => p.Requested < Cap).OrderBy(_ => rng.Next()).Take(12).ToList();
        var cuts = Partition.Split(cutFen, [.. cut.Select(p => (double)p.Requested)]);
        for (var i = 0; i < cut.Count; i++)
        {
            cut[i].Amount = cut[i].Requested - cuts[i] / 100m;
            if (cut[i].Amount <= 0) throw new InvalidOperationException("an audit cut would exceed the amount");
        }
        var d = SubsidyApplications - SubsidyAwards;
        for (var i = 0; i < rewards.Count; i++)
        {
            rewards[i].Awarded = Rewards[i].Awarded;
            if (!rewards[i].Awarded) rewards[i].Decline = Declines[d++];
        }
    }

    private static DateTimeOffset AppliedAt(Random rng) =>
        new DateTimeOffset(2022, 5, 5, 9, 0, 0, Beijing).AddDays(rng.Next(15)).AddMinutes(rng.Next(8 * 60));

    private static DateTimeOffset Day(int month, int day, Random rng) =>
        new DateTimeOffset(2022, month, day, 9, 0, 0, Beijing).AddMinutes(rng.Next(8 * 60));

    /// <summary>The application with its history through the pipeline, ending where the seed's outcome puts it.</summary>
    private static GrantApplication Application(Random rng, int id, Pick p, DateTimeOffset appliedAt, Enterprise firm)
    {
        var county = $"county:{p.Firm.CountyId}";
        var agent = $"{p.Firm.CountyId}-agent";
        const string cityStaff = "city-grants-office";
        var history = new List<ReviewEntry>
        {
            new() { At = appliedAt, Actor = agent, Role = county, Action = HistoryAction.Applied, Stage = ReviewStage.CountyCheck, Amount = p.Requested },
        };
        // A few applications were sent back for missing documents and came in again: the pipeline as it happens.
        var returned = id % 23 == 5;
        var schedule = new (ReviewStage Stage, DateTimeOffset At)[]
        {
            (ReviewStage.CountyCheck, Day(5, 23 + rng.Next(4), rng)),
            (ReviewStage.CountyRecommendation, Day(5, 30 + rng.Next(2), rng)),
            (ReviewStage.EquipmentVerification, Day(6, 13 + rng.Next(5), rng)),
            (ReviewStage.ExpertRecheck, Day(6, 27 + rng.Next(4), rng)),
            (ReviewStage.ExpertPanel, Day(7, 12, rng)),
            (ReviewStage.SpecialAudit, Day(7, 25 + rng.Next(5), rng)),
        };
        var stage = ReviewStage.CountyCheck;
        var score = p.Decline?.Stage == ReviewStage.ExpertPanel ? 52 + rng.Next(8) : 72 + rng.Next(22) + rng.Next(10) / 10m;
        foreach (var (s, at) in schedule)
        {
            var (actor, role) = Pipeline.IsCountyStage(s) ? (agent, county) : (cityStaff, "city");
            stage = s;
            if (p.Decline is { } decline && decline.Stage == s)
            {
                history.Add(new() { At = at, Actor = actor, Role = role, Action = HistoryAction.Declined, Stage = s, Note = decline.Reason });
                break;
            }
            if (returned && s == ReviewStage.CountyCheck)
            {
                history.Add(new() { At = appliedAt.AddDays(1), Actor = actor, Role = role, Action = HistoryAction.Returned, Stage = s, Note = "补充设备购置发票和验收报告", ReturnTo = s });
                history.Add(new() { At = appliedAt.AddDays(2), Actor = agent, Role = county, Action = HistoryAction.Resubmitted, Stage = s, Amount = p.Requested });
            }
            var amount = s == ReviewStage.SpecialAudit ? p.Amount : p.Requested;
            var note = s == ReviewStage.SpecialAudit && p.Amount != p.Requested ? "专项审计核减部分不符合条件的投资" : null;
            history.Add(new()
            {
                At = at, Actor = actor, Role = role, Action = HistoryAction.Approved, Stage = s, Amount = amount, Note = note,
                Score = s == ReviewStage.ExpertPanel ? score : null,
            });
        }
        var noticeFrom = new DateTimeOffset(2022, 8, 10, 9, 0, 0, Beijing);
        var noticeUntil = new DateTimeOffset(2022, 8, 17, 0, 0, 0, Beijing);
        if (p.Awarded)
        {
            history.Add(new() { At = noticeFrom, Actor = cityStaff, Role = "city", Action = HistoryAction.Noticed, Stage = ReviewStage.PublicNotice, Amount = p.Amount, Until = noticeUntil });
            history.Add(new() { At = noticeUntil.AddHours(9), Actor = cityStaff, Role = "city", Action = HistoryAction.Approved, Stage = ReviewStage.PublicNotice, Amount = p.Amount, Note = "公示期满无异议" });
            history.Add(new() { At = new DateTimeOffset(2022, 8, 26, 10, 0, 0, Beijing), Actor = cityStaff, Role = "city", Action = HistoryAction.Awarded, Stage = ReviewStage.Award, Amount = p.Amount });
        }
        var panel = history.FirstOrDefault(h => h.Action == HistoryAction.Approved && h.Stage == ReviewStage.ExpertPanel);
        var project = firm.Projects.Single(x => x.Id == p.Project.Id);
        return new GrantApplication
        {
            Id = id, EnterpriseId = firm.Id, EnterpriseName = firm.Name, CountyId = firm.CountyId, ProjectId = project.Id,
            ProjectName = project.Name, ProjectKind = project.Kind, Class = p.Class, Result = p.Result,
            TotalInvestment = project.TotalInvestment, CompletedInWindow = AwardRules.CompletedInWindow(project, From, To),
            Requested = p.Requested, Amount = p.Amount,
            Stage = p.Awarded ? ReviewStage.Disbursement : stage,
            Status = p.Awarded ? ApplicationStatus.Awarded : ApplicationStatus.Declined,
            Score = panel?.Score, RecommendedAt = panel?.At, Funded = p.Awarded,
            NoticeUntil = p.Awarded ? noticeUntil : null,
            Awarded = p.Awarded ? p.Amount : 0m, AwardedMonth = p.Awarded ? new YearMonth(2022, 8) : null,
            AppliedAt = appliedAt, UpdatedAt = history[^1].At, History = [.. history],
        };
    }

    /// <summary>A whole-yuan amount spread evenly over the months, the remainder in the last.</summary>
    private static IEnumerable<MonthlyInvestment> Spread(long yuan, YearMonth from, YearMonth to)
    {
        var months = from.MonthsUntil(to) + 1;
        var each = yuan / months;
        for (var i = 0; i < months; i++)
        {
            var amount = i == months - 1 ? yuan - each * (months - 1) : each;
            if (amount != 0) yield return new MonthlyInvestment(from.AddMonths(i), amount);
        }
    }
}
