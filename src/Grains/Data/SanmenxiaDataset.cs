using Programme.Domain;

namespace Programme.Grains.Data;

/// <summary>
/// The default data "sanmenxia-2022": the city as of 2022-08 on the 2022 above-scale list, generated deterministically
/// so that its totals are exactly the seed's (DOMAIN.md, "Reading the figures together"). Choices the seed leaves open
/// are documented in docs/DATA.md.
/// </summary>
public static class SanmenxiaDataset
{
    public const string Name = "sanmenxia-2022";
    private const int Seed = 20220926;

    // The seed's figures (万 yuan where money).
    public const int AboveScale = 463, Covered = 426, Projects = 686, ProjectsThisYear = 231;
    public const int BelowScaleFirms = 176, BelowScaleProjects = 219;
    public const long TotalWan = 6_700_000, CompletedWan = 3_580_000, CompletedThisYearWan = 1_370_000;
    /// <summary>
    /// The 231 projects' plan for 2022. The reply gives 151.8 亿 and 137 亿 = 90.2 %, but 137 / 151.8 is 90.25 %, which rounds
    /// to 90.3 %: one of the two figures is rounded in the reply. 137 亿 stays exact (it also makes up the 358 亿); the plan is
    /// 151.81 亿 — 151.8 亿 at the reply's precision, and 137 / 151.81 = 90.24 % rounds to the reply's 90.2 %.
    /// </summary>
    public const long PlannedThisYearWan = 1_518_100;
    /// <summary>The 2021 above-scale list (443 firms, 426 covered: 96.2 %) and the 2022 list's 20 newcomers (新入规), none covered yet.</summary>
    public const int PriorListAboveScale = 443, NewlyAboveScale = 20;
    public const int Intelligent = 141, Green = 138, Technical = 407; // 686 in the 2022 planning mix 42 : 41 : 121
    public const int Revived = 32;
    public const long GrantsDisbursedWan = 20_500;
    public const int GrantedProjects = 154;

    // Open choices (docs/DATA.md): how the 686 projects split over time.
    private const long OlderTotalWan = 2_000_000;          // 455 projects finished before 2022, fully invested
    private const long PriorWan = CompletedWan - OlderTotalWan - CompletedThisYearWan; // 2021 spending of 2022's projects: 21 亿
    private const int PriorProjects = 70, CompletedIn2022 = 46;
    private const long HengkangWan = 44_500;               // 4.45 亿 in 11 projects

    /// <summary>Per county: firms on the 2022 list, of them not yet covered, of those newly above scale in 2022; below-scale participants.</summary>
    private static readonly (string County, int AboveScale, int Uncovered, int Newly, int BelowScale)[] Quotas =
    [
        ("lingbao", 110, 9, 5, 40), ("mianchi", 80, 6, 3, 30), ("shanzhou", 70, 6, 3, 27), ("etdz", 60, 5, 3, 23),
        ("yima", 55, 4, 2, 21), ("hubin", 40, 3, 2, 16), ("lushi", 28, 2, 1, 11), ("urdz", 20, 2, 1, 8),
    ];

    /// <summary>Industries by county (weights), after the city's industrial geography.</summary>
    private static readonly Dictionary<string, (string Sector, int Weight)[]> SectorMix = new()
    {
        ["lingbao"] = [("gold", 40), ("copper-foil", 8), ("food", 15), ("new-materials", 10), ("equipment", 10), ("energy", 5), ("chemicals", 5), ("other", 7)],
        ["mianchi"] = [("aluminium", 25), ("chemicals", 20), ("building-materials", 20), ("food", 10), ("coal", 10), ("equipment", 8), ("other", 7)],
        ["shanzhou"] = [("coal", 25), ("aluminium", 20), ("building-materials", 20), ("chemicals", 10), ("food", 10), ("equipment", 8), ("other", 7)],
        ["etdz"] = [("equipment", 30), ("new-materials", 20), ("electronics", 15), ("copper-foil", 10), ("pharma", 10), ("aluminium", 8), ("other", 7)],
        ["yima"] = [("coal", 35), ("chemicals", 30), ("energy", 10), ("building-materials", 10), ("equipment", 8), ("other", 7)],
        ["hubin"] = [("food", 25), ("pharma", 20), ("equipment", 20), ("building-materials", 15), ("electronics", 10), ("other", 10)],
        ["lushi"] = [("food", 35), ("pharma", 25), ("gold", 15), ("building-materials", 10), ("other", 15)],
        ["urdz"] = [("equipment", 30), ("food", 25), ("new-materials", 20), ("building-materials", 15), ("other", 10)],
    };

    /// <summary>Firms the seed names (the counties are our reading of where they stand; see docs/DATA.md).</summary>
    internal static readonly NamedFirm[] Named =
    [
        new("kaixiang-chemical", "河南开祥精细化工有限公司", "yima", "chemicals", InspectedProject: "开祥精细化工智控中心", InspectedKind: ProjectKind.Intelligent, Projects: 2),
        new("jinrong-cement", "三门峡锦荣水泥有限公司", "mianchi", "building-materials", InspectedProject: "锦荣水泥节能降耗改造", InspectedKind: ProjectKind.Green),
        new("sdic-jincheng", "国投金城冶金有限责任公司", "lingbao", "gold", InspectedProject: "国投金城冶金绿色低碳技术改造", InspectedKind: ProjectKind.Green, Projects: 2),
        new("dicastal-wheels", "三门峡戴卡轮毂制造有限公司", "etdz", "equipment", InspectedProject: "戴卡轮毂5G+智慧云工厂", InspectedKind: ProjectKind.Intelligent, Projects: 2),
        new("gongyu-robotics", "河南工宇机器人有限公司", "etdz", "equipment", InspectedProject: "工宇机器人500台大型工业机器人", InspectedKind: ProjectKind.Technical),
        new("huaxin-copper-foil", "灵宝华鑫铜箔有限责任公司", "lingbao", "copper-foil", Projects: 4),
        new("yangshao-liquor", "河南仰韶酒业有限公司", "mianchi", "food", Projects: 2),
        new("juntong-vehicles", "河南骏通车辆有限公司", "etdz", "equipment", Projects: 2),
        new("hongxin-materials", "三门峡宏鑫新材料科技有限公司", "shanzhou", "new-materials"),
        new("yongtai-gypsum", "三门峡永泰石膏有限公司", "shanzhou", "building-materials", Projects: 3),
        new("hengkang-aluminium", "三门峡恒康铝业有限公司", "mianchi", "aluminium", OperatingStatus.Revived, Projects: 11, OlderInvestmentWan: HengkangWan),
        new("fushoutang-pharma", "河南复寿堂药业有限公司", "lushi", "pharma", OperatingStatus.Revived),
        new("yuanfeng-fruit", "灵宝源丰果业有限公司", "lingbao", "food", OperatingStatus.Revived),
        new("xinneng-silicon", "河南新能硅业有限公司", "yima", "new-materials", OperatingStatus.Revived),
        new("sannai-group", "三门峡三耐集团有限公司", "hubin", "building-materials", Projects: 2),
        new("shentong-carbon", "三门峡神通碳素有限公司", "etdz", "new-materials", Projects: 2),
        new("zhongyuan-gold-smelter", "中原黄金冶炼厂有限责任公司", "etdz", "gold", Projects: 3),
        new("tongli-cement", "河南省同力水泥有限公司", "shanzhou", "building-materials", Projects: 2),
    ];

    private static readonly string[] Brands =
        ["金", "鑫", "华", "宏", "通", "源", "泰", "恒", "瑞", "达", "兴", "盛", "丰", "隆", "安", "昌", "宇", "明", "德", "嘉", "永", "中", "豫", "崤", "函", "陕", "黄河", "天", "利", "新"];

    private static readonly Dictionary<string, string> SectorNoun = new()
    {
        ["gold"] = "黄金矿业", ["coal"] = "煤业", ["aluminium"] = "铝业", ["copper-foil"] = "铜箔", ["building-materials"] = "建材",
        ["chemicals"] = "化工", ["equipment"] = "机械制造", ["new-materials"] = "新材料", ["food"] = "食品", ["pharma"] = "药业",
        ["energy"] = "能源", ["electronics"] = "电子科技", ["other"] = "实业",
    };

    private static readonly Dictionary<string, string> CountyPrefix = new()
    {
        ["lingbao"] = "灵宝", ["mianchi"] = "渑池", ["shanzhou"] = "陕州", ["etdz"] = "三门峡", ["yima"] = "义马",
        ["hubin"] = "三门峡", ["lushi"] = "卢氏", ["urdz"] = "三门峡",
    };

    internal static readonly Dictionary<ProjectKind, string[]> ProjectWords = new()
    {
        [ProjectKind.Intelligent] = ["智能化生产线改造", "5G+智能工厂建设", "机器换人改造", "数字化车间建设", "工业互联网平台应用", "智能仓储物流改造"],
        [ProjectKind.Green] = ["节能降耗改造", "超低排放改造", "废气治理提升", "固废综合利用", "废水循环利用改造", "余热回收利用"],
        [ProjectKind.Technical] = ["新工艺技术改造", "装备升级改造", "新材料生产线建设", "扩能提质改造", "产品结构升级改造", "关键工序技术改造"],
    };

    public static ProgrammeTargets CityTargets { get; } = new()
    {
        Coverage = 1.0m,
        ProjectsThisYear = 230,
        InvestmentThisYear = 32_000_000_000m,
        CompletedThisYear = 15_000_000_000m,
        CloudIndustrial = 200,
        CloudSme = 300,
        DigitalAboveScale = 100,
        DigitalSme = 200,
        SmartCertifications = 10,
        GreenCertifications = 5,
        PlatformUsers = 1500,
        PlatformDigital = 30,
        PlatformCloud = 100,
        FullCoverageBy = new YearMonth(2022, 12),
    };

    private sealed class Firm
    {
        public required string Id;
        public required string Name;
        public required string County;
        public required string Sector;
        public bool AboveScale;
        public bool Covered;
        public OperatingStatus Status;
        public NamedFirm? Named;
        public readonly List<Project> Projects = [];
        public readonly List<Certification> Certifications = [];
        public readonly List<GrantReceived> Grants = [];
        public YearMonth? Cloud;
        public YearMonth? Digital;
        public int? ListedSince;
    }

    private sealed class Slot
    {
        public required Firm Firm;
        public ProjectKind Kind;
        public bool ThisYear;
        public string? Name;
    }

    public static Dataset Generate()
    {
        var rng = new Random(Seed);
        var firms = CreateFirms(rng);
        var covered = firms.Where(f => f.Covered).ToList();
        var slots = CreateSlots(rng, covered);
        AssignKinds(rng, slots);
        BuildOlderProjects(rng, slots.Where(s => !s.ThisYear).ToList());
        BuildThisYearProjects(rng, slots.Where(s => s.ThisYear).ToList());
        BuildBelowScaleProjects(rng, firms.Where(f => !f.AboveScale).ToList());
        AssignStatuses(rng, firms);
        AssignCertifications(rng, covered);
        AssignMilestones(rng, firms);
        AssignGrants(rng, covered);

        var enterprises = firms.Select(f => new Enterprise
        {
            Id = f.Id, Name = f.Name, CountyId = f.County, Sector = f.Sector, AboveScale = f.AboveScale, Status = f.Status,
            Projects = [.. f.Projects], Certifications = [.. f.Certifications], Grants = [.. f.Grants],
            CloudSince = f.Cloud, DigitalSince = f.Digital, AboveScaleSince = f.ListedSince, Version = 1,
            UpdatedAt = new DateTimeOffset(2022, 8, 31, 16, 0, 0, TimeSpan.Zero),
        }).ToList();
        var (attached, batch) = SanmenxiaBatch2022.Attach(enterprises);
        var registry = SanmenxiaSchedule.Attach(SanmenxiaPlanning.Attach(attached));
        return new Dataset(Name, registry, CityTargets, DecomposeTargets(CityTargets, registry)) { Batches = [batch] };
    }

    private static List<Firm> CreateFirms(Random rng)
    {
        var firms = new List<Firm>();
        var names = new HashSet<string>(Named.Select(n => n.Name));
        // The years generated firms entered the above-scale list come from their own stream, so the rest stays as it was.
        var listing = new Random(Seed + 1);
        foreach (var (county, above, uncovered, newly, below) in Quotas)
        {
            foreach (var n in Named.Where(n => n.County == county))
                firms.Add(new Firm { Id = n.Id, Name = n.Name, County = county, Sector = n.Sector, AboveScale = true, Covered = true, Named = n, Status = n.Status });
            var named = firms.Count(f => f.County == county);
            var seq = 0;
            for (var i = named; i < above; i++)
            {
                var sector = PickSector(rng, county);
                firms.Add(new Firm
                {
                    Id = $"{county}-{++seq:000}", Name = UniqueName(rng, names, county, sector), County = county, Sector = sector,
                    AboveScale = true, Covered = i < above - uncovered,
                    // The county's last few uncovered firms are the 2022 newcomers (新入规); the others joined 2008–2021.
                    ListedSince = i >= above - newly ? 2022 : 2008 + listing.Next(14),
                });
            }
            for (var i = 0; i < below; i++)
            {
                var sector = PickSector(rng, county);
                firms.Add(new Firm
                {
                    Id = $"{county}-{++seq:000}", Name = UniqueName(rng, names, county, sector), County = county, Sector = sector,
                    AboveScale = false,
                });
            }
        }
        return firms;
    }

    private static string PickSector(Random rng, string county)
    {
        var mix = SectorMix[county];
        var roll = rng.Next(mix.Sum(m => m.Weight));
        foreach (var (sector, weight) in mix)
        {
            if (roll < weight) return sector;
            roll -= weight;
        }
        return mix[^1].Sector;
    }

    private static string UniqueName(Random rng, HashSet<string> taken, string county, string sector)
    {
        while (true)
        {
            var brand = Brands[rng.Next(Brands.Length)] + Brands[rng.Next(Brands.Length)];
            var form = rng.Next(3) == 0 ? "股份有限公司" : "有限公司";
            var name = $"{CountyPrefix[county]}{brand}{SectorNoun[sector]}{form}";
            if (taken.Add(name)) return name;
        }
    }

    private static List<Slot> CreateSlots(Random rng, List<Firm> covered)
    {
        var counts = covered.ToDictionary(f => f, f => f.Named?.Projects ?? 1);
        var free = covered.Where(f => f.Named is null).ToList();
        var extra = Projects - counts.Values.Sum();
        while (extra > 0)
        {
            var f = free[rng.Next(free.Count)];
            if (counts[f] >= 6) continue;
            counts[f]++;
            extra--;
        }
        var slots = covered.SelectMany(f => Enumerable.Range(0, counts[f]).Select(_ => new Slot { Firm = f })).ToList();

        // The five projects inspected in February 2022 were underway then; Hengkang's eleven were done before.
        var thisYear = 0;
        foreach (var s in slots.Where(s => s.Firm.Named?.InspectedProject is not null).GroupBy(s => s.Firm).Select(g => g.First()))
        {
            s.ThisYear = true;
            s.Kind = s.Firm.Named!.InspectedKind;
            s.Name = s.Firm.Named.InspectedProject;
            thisYear++;
        }
        var candidates = slots.Where(s => !s.ThisYear && s.Firm.Named?.OlderInvestmentWan is null).OrderBy(_ => rng.Next()).ToList();
        foreach (var s in candidates.Take(ProjectsThisYear - thisYear)) s.ThisYear = true;
        return slots;
    }

    private static void AssignKinds(Random rng, List<Slot> slots)
    {
        var fixedSlots = slots.Where(s => s.Name is not null).ToList();
        var bag = new List<ProjectKind>();
        void Fill(ProjectKind kind, int total) =>
            bag.AddRange(Enumerable.Repeat(kind, total - fixedSlots.Count(s => s.Kind == kind)));
        Fill(ProjectKind.Intelligent, Intelligent);
        Fill(ProjectKind.Green, Green);
        Fill(ProjectKind.Technical, Technical);
        var shuffled = bag.OrderBy(_ => rng.Next()).ToList();
        var k = 0;
        foreach (var s in slots.Where(s => s.Name is null)) s.Kind = shuffled[k++];
    }

    private static double Weight(Random rng) => Math.Exp(rng.NextDouble() * 2.5);

    private static Project NewProject(Slot s, decimal total, decimal planned, YearMonth start, YearMonth end,
        ProjectStatus status, IReadOnlyList<MonthlyInvestment> monthly, Random rng)
    {
        var index = s.Firm.Projects.Count + 1;
        var words = ProjectWords[s.Kind];
        var name = s.Name ?? $"{words[rng.Next(words.Length)]}项目（{start.Year}）";
        return new Project
        {
            Id = $"p{index}", Name = name, Kind = s.Kind, TotalInvestment = total, PlannedThisYear = planned,
            StartMonth = start, EndMonth = end, Status = status, Monthly = [.. monthly],
        };
    }

    private static List<MonthlyInvestment> Spread(long wan, YearMonth from, YearMonth to)
    {
        var months = from.MonthsUntil(to) + 1;
        var amounts = Partition.Monthly(wan, months);
        return amounts.Select((a, i) => new MonthlyInvestment(from.AddMonths(i), a)).Where(m => m.Amount != 0).ToList();
    }

    /// <summary>Projects finished before 2022: fully invested, 200 亿 in all (Hengkang's eleven: 4.45 亿).</summary>
    private static void BuildOlderProjects(Random rng, List<Slot> older)
    {
        var hengkang = older.Where(s => s.Firm.Named?.OlderInvestmentWan is not null).ToList();
        var others = older.Except(hengkang).ToList();
        var amounts = new Dictionary<Slot, long>();
        var hk = Partition.Split(HengkangWan, hengkang.Select(_ => Weight(rng)).ToList(), 500);
        for (var i = 0; i < hengkang.Count; i++) amounts[hengkang[i]] = hk[i];
        var rest = Partition.Split(OlderTotalWan - HengkangWan, others.Select(_ => Weight(rng)).ToList(), 200);
        for (var i = 0; i < others.Count; i++) amounts[others[i]] = rest[i];

        foreach (var s in older)
        {
            var start = new YearMonth(2019, 1).AddMonths(rng.Next(30));          // 2019-01 … 2021-06
            var end = start.AddMonths(2 + rng.Next(16));
            if (end > new YearMonth(2021, 12)) end = new YearMonth(2021, 12);
            var wan = amounts[s];
            s.Firm.Projects.Add(NewProject(s, wan * 10_000m, 0m, start, end, ProjectStatus.Completed, Spread(wan, start, end), rng));
        }
    }

    /// <summary>
    /// The 231 projects of 2022: 137 亿 invested Jan–Aug, 151.8 亿 planned for the year, 21 亿 spent in 2021 by those
    /// that started then; 46 finished within 2022, the rest run on, together 470 亿 of total investment.
    /// </summary>
    private static void BuildThisYearProjects(Random rng, List<Slot> current)
    {
        var ordered = current.OrderBy(_ => rng.Next()).ToList();
        var prior = ordered.Take(PriorProjects).ToHashSet();
        var completed = ordered.Where(s => s.Name is null).Skip(PriorProjects).Take(CompletedIn2022).ToHashSet();
        var underway = current.Where(s => !completed.Contains(s)).ToList();

        var start = new Dictionary<Slot, YearMonth>();
        var end = new Dictionary<Slot, YearMonth>();
        var jan = new YearMonth(2022, 1);
        var aug = new YearMonth(2022, 8);
        foreach (var s in current)
        {
            start[s] = prior.Contains(s) ? new YearMonth(2021, 1 + rng.Next(10)) : jan.AddMonths(rng.Next(s.Name is null ? 7 : 1));
            if (completed.Contains(s))
            {
                var from = start[s] < jan ? jan : start[s];
                var finish = from.AddMonths(1 + rng.Next(4));
                end[s] = finish > aug ? aug : finish;
            }
            else end[s] = new YearMonth(2022, 9).AddMonths(rng.Next(28));
        }
        YearMonth From2022(Slot s) => start[s] < jan ? jan : start[s];
        YearMonth To2022(Slot s) => end[s] < aug ? end[s] : aug;

        var y22 = Partition.Split(CompletedThisYearWan, current.Select(s => Weight(rng) * (From2022(s).MonthsUntil(To2022(s)) + 1)).ToList(), 100);
        var priorList = prior.ToList();
        var priorWan = Partition.Split(PriorWan, priorList.Select(_ => Weight(rng)).ToList(), 100);
        var plannedExtra = Partition.Split(PlannedThisYearWan - CompletedThisYearWan, underway.Select(_ => Weight(rng)).ToList());
        // What remains after 2022 belongs to the projects that run on past it: one due by December plans all it still needs
        // within 2022, so the year's remaining plan (151.81 − 137 亿) covers the projects due Sep–Dec.
        var runOn = underway.Where(s => end[s].Year > 2022).ToList();
        var beyondWan = Partition.Split(TotalWan - OlderTotalWan - PriorWan - PlannedThisYearWan, runOn.Select(_ => Weight(rng)).ToList(), 100);
        var beyond = underway.Select(s => runOn.IndexOf(s) is var k and >= 0 ? beyondWan[k] : 0L).ToArray();

        var in2022 = current.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => y22[x.i]);
        var before = priorList.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => priorWan[x.i]);
        var extra = underway.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => (plannedExtra[x.i], beyond[x.i]));

        foreach (var s in current)
        {
            var monthly = new List<MonthlyInvestment>();
            var priorAmount = before.GetValueOrDefault(s);
            if (priorAmount > 0) monthly.AddRange(Spread(priorAmount, start[s], new YearMonth(2021, 12)));
            monthly.AddRange(Spread(in2022[s], From2022(s), To2022(s)));
            var done = completed.Contains(s);
            var (plannedMore, later) = done ? (0L, 0L) : extra[s];
            var planned = (in2022[s] + plannedMore) * 10_000m;
            var total = (priorAmount + in2022[s] + plannedMore + later) * 10_000m;
            var status = done ? ProjectStatus.Completed : ProjectStatus.Underway;
            s.Firm.Projects.Add(NewProject(s, total, planned, start[s], end[s], status, monthly, rng));
        }
    }

    /// <summary>176 below-scale firms with 219 projects, reported apart from the programme's figures.</summary>
    private static void BuildBelowScaleProjects(Random rng, List<Firm> below)
    {
        var counts = below.ToDictionary(f => f, _ => 1);
        for (var extra = BelowScaleProjects - below.Count; extra > 0; extra--) counts[below[rng.Next(below.Count)]]++;
        foreach (var f in below)
        {
            for (var i = 0; i < counts[f]; i++)
            {
                var kind = (ProjectKind)rng.Next(3);
                var start = new YearMonth(2020, 1).AddMonths(rng.Next(30));
                var end = start.AddMonths(3 + rng.Next(15));
                var wan = 200L + rng.Next(3000);
                var reportedTo = end < new YearMonth(2022, 8) ? end : new YearMonth(2022, 8);
                var status = end <= new YearMonth(2022, 8) ? ProjectStatus.Completed : ProjectStatus.Underway;
                var investedWan = status == ProjectStatus.Completed ? wan : wan * (start.MonthsUntil(reportedTo) + 1) / (start.MonthsUntil(end) + 1);
                var slot = new Slot { Firm = f, Kind = kind };
                var planned = end.Year >= 2022 ? wan * 10_000m / 2 : 0m;
                f.Projects.Add(NewProject(slot, wan * 10_000m, Math.Min(planned, wan * 10_000m), start, end, status,
                    Spread(Math.Max(1, investedWan), start, reportedTo), rng));
            }
        }
    }

    /// <summary>32 firms revived through transformation (the four named among them); some not-yet-covered firms idle.</summary>
    private static void AssignStatuses(Random rng, List<Firm> firms)
    {
        var revived = firms.Count(f => f.Status == OperatingStatus.Revived);
        foreach (var f in firms.Where(f => f.Covered && f.Named is null).OrderBy(_ => rng.Next()).Take(Revived - revived))
            f.Status = OperatingStatus.Revived;
        // Idle firms are long-standing ones: a firm that just grew above scale is not halted.
        var idle = firms.Where(f => f.AboveScale && !f.Covered && f.ListedSince != 2022).OrderBy(_ => rng.Next()).Take(9).ToList();
        for (var i = 0; i < idle.Count; i++) idle[i].Status = i < 4 ? OperatingStatus.Halted : OperatingStatus.SemiHalted;
    }

    /// <summary>The seed's certifications to date, exactly; those of 2022 so far are counted against the year's targets.</summary>
    private static void AssignCertifications(Random rng, List<Firm> covered)
    {
        var plan = new List<(CertificationKind Kind, CertificationLevel Level, int Count, int In2022)>
        {
            (CertificationKind.GreenFactory, CertificationLevel.National, 3, 0),
            (CertificationKind.GreenFactory, CertificationLevel.Provincial, 5, 1),
            (CertificationKind.GreenFactory, CertificationLevel.City, 11, 2),
            (CertificationKind.SmartFactory, CertificationLevel.Provincial, 8, 1),
            (CertificationKind.SmartFactory, CertificationLevel.City, 6, 1),
            (CertificationKind.SmartWorkshop, CertificationLevel.Provincial, 10, 1),
            (CertificationKind.SmartWorkshop, CertificationLevel.City, 21, 3),
            (CertificationKind.SmartManufacturingBenchmark, CertificationLevel.Provincial, 2, 0),
            (CertificationKind.SmartManufacturingBenchmark, CertificationLevel.City, 15, 0),
        };
        // The benchmark firms the seed names get certificates first.
        var preferred = new[] { "huaxin-copper-foil", "juntong-vehicles", "shentong-carbon", "kaixiang-chemical", "sannai-group",
            "zhongyuan-gold-smelter", "hengkang-aluminium", "dicastal-wheels", "tongli-cement", "yangshao-liquor" };
        var order = covered.Where(f => preferred.Contains(f.Id)).OrderBy(f => Array.IndexOf(preferred, f.Id))
            .Concat(covered.Where(f => !preferred.Contains(f.Id)).OrderBy(_ => rng.Next())).ToList();
        var cursor = 0;
        foreach (var (kind, level, count, in2022) in plan)
        {
            for (var i = 0; i < count; i++)
            {
                Firm f;
                do f = order[cursor++ % order.Count];
                while (f.Certifications.Any(c => c.Kind == kind && c.Level == level));
                var month = i < in2022 ? new YearMonth(2022, 1 + rng.Next(8)) : new YearMonth(2018, 1).AddMonths(rng.Next(48));
                f.Certifications.Add(new Certification(kind, level, month));
            }
            cursor = rng.Next(order.Count / 4);
        }
    }

    /// <summary>Cloud adoption and digital transformation: 126 firms onto the cloud and 67 above-scale firms digital in 2022 so far.</summary>
    private static void AssignMilestones(Random rng, List<Firm> firms)
    {
        var shuffled = firms.OrderBy(_ => rng.Next()).ToList();
        for (var i = 0; i < 412; i++)
            shuffled[i].Cloud = i < 126 ? new YearMonth(2022, 1 + rng.Next(8)) : new YearMonth(2017, 1).AddMonths(rng.Next(60));
        var above = firms.Where(f => f.AboveScale).OrderBy(_ => rng.Next()).ToList();
        for (var i = 0; i < 198; i++)
            above[i].Digital = i < 67 ? new YearMonth(2022, 1 + rng.Next(8)) : new YearMonth(2019, 1).AddMonths(rng.Next(36));
    }

    /// <summary>
    /// The earlier batches' grants: 2.05 亿 awarded and disbursed to 154 projects, growing batch by batch as the programme
    /// did, each below batch 2022-1's 54 projects and 10,065.72 万 asked — the reply's "创近年新高".
    /// </summary>
    internal static readonly (string Id, YearMonth Awarded, int Projects, long Wan)[] EarlierBatches =
    [
        ("2019-1", new YearMonth(2019, 11), 49, 5_600),
        ("2020-1", new YearMonth(2020, 10), 52, 6_900),
        ("2021-1", new YearMonth(2021, 9), 53, 8_000),
    ];

    /// <summary>Each earlier batch funds projects begun at least three months before its award, one grant a project.</summary>
    private static void AssignGrants(Random rng, List<Firm> covered)
    {
        var granted = new HashSet<Project>(ReferenceEqualityComparer.Instance);
        var index = 0;
        foreach (var (batch, month, count, wan) in EarlierBatches)
        {
            var eligible = covered.SelectMany(f => f.Projects.Where(p => p.Invested > 0 && p.StartMonth.AddMonths(3) <= month && !granted.Contains(p))
                    .Select(p => (f, p)))
                .OrderBy(_ => rng.Next()).Take(count).ToList();
            if (eligible.Count < count) throw new InvalidOperationException($"too few projects begun before batch {batch}");
            var amounts = Partition.Split(wan, eligible.Select(_ => Weight(rng)).ToList(), 10);
            for (var i = 0; i < eligible.Count; i++, index++)
            {
                var (f, p) = eligible[i];
                granted.Add(p);
                var yuan = amounts[i] * 10_000m;
                var cls = index % 4 == 3 ? GrantClass.Reward : GrantClass.Subsidy;
                f.Grants.Add(new GrantReceived { BatchId = batch, ProjectId = p.Id, Class = cls, Awarded = yuan, Disbursed = yuan, AwardedMonth = month });
            }
        }
    }

    /// <summary>
    /// Every target split item by item (逐项分解), exactly (largest remainder), so the eight add up to the city's. The project
    /// targets follow each county's own 2022 project list — projects by its count of the year's projects, total investment
    /// by their total investment, investment to complete by their annual plan — so a county's targets and its position agree,
    /// as when a city sums its counties' lists; the cloud, digital, certification and platform targets follow each county's
    /// share of above-scale firms.
    /// </summary>
    public static IReadOnlyDictionary<string, ProgrammeTargets> DecomposeTargets(ProgrammeTargets city, IReadOnlyList<Enterprise> registry)
    {
        var year = ProgrammeCalendar.Default.Year;
        var lists = Quotas.Select(q => registry.Where(e => e.CountyId == q.County && e.AboveScale)
            .SelectMany(e => e.Projects.Where(p => p.ActiveIn(year))).ToList()).ToList();
        var firms = Quotas.Select(q => (double)q.AboveScale).ToList();
        long[] Whole(long total, IReadOnlyList<double> weights) => Partition.Split(total, weights);
        long[] Money(decimal yuan, IReadOnlyList<double> weights) => Partition.Split((long)(yuan / 10_000m), weights);
        var projects = Whole(city.ProjectsThisYear, [.. lists.Select(l => (double)l.Count)]);
        var investment = Money(city.InvestmentThisYear, [.. lists.Select(l => (double)l.Sum(p => p.TotalInvestment))]);
        var completed = Money(city.CompletedThisYear, [.. lists.Select(l => (double)l.Sum(p => p.PlannedThisYear))]);
        var cloud = Whole(city.CloudIndustrial, firms);
        var cloudSme = Whole(city.CloudSme, firms);
        var digital = Whole(city.DigitalAboveScale, firms);
        var digitalSme = Whole(city.DigitalSme, firms);
        var smart = Whole(city.SmartCertifications, firms);
        var green = Whole(city.GreenCertifications, firms);
        var users = Whole(city.PlatformUsers, firms);
        var platformDigital = Whole(city.PlatformDigital, firms);
        var platformCloud = Whole(city.PlatformCloud, firms);
        return Quotas.Select((q, i) => (q.County, Targets: city with
        {
            ProjectsThisYear = (int)projects[i], InvestmentThisYear = investment[i] * 10_000m, CompletedThisYear = completed[i] * 10_000m,
            CloudIndustrial = (int)cloud[i], CloudSme = (int)cloudSme[i], DigitalAboveScale = (int)digital[i], DigitalSme = (int)digitalSme[i],
            SmartCertifications = (int)smart[i], GreenCertifications = (int)green[i], PlatformUsers = (int)users[i],
            PlatformDigital = (int)platformDigital[i], PlatformCloud = (int)platformCloud[i],
        })).ToDictionary(x => x.County, x => x.Targets, StringComparer.Ordinal);
    }
}
