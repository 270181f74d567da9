namespace Programme.Domain;

/// <summary>
/// The programme's planning batches (谋划批次). The reply: the first three batches hold 583 projects, 663.77 亿 in all
/// (前三批共谋划梳理"三大改造"项目583个、总投资663.77亿元); the third, 三工业〔2022〕3号 of January 2022, 155 firms, 204 projects,
/// 340 亿 — intelligent 42 / 28.6 亿, green 41 / 48.4 亿, technical 121 / 263 亿. The split of the first two (379 projects,
/// 323.77 亿) between 2020 and 2021 is ours (docs/DATA.md).
/// </summary>
public static class PlanningBatches
{
    public static IReadOnlyList<PlanningBatch> All { get; } =
    [
        new()
        {
            Id = "2020-1", Name = "第一批“三大改造”项目", Month = new YearMonth(2019, 12), Projects = 172, TotalInvestment = 14_235_000_000m,
        },
        new()
        {
            Id = "2021-2", Name = "第二批“三大改造”项目", Month = new YearMonth(2020, 12), Projects = 207, TotalInvestment = 18_142_000_000m,
        },
        new()
        {
            Id = "2022-3", Name = "第三批“三大改造”项目", Reference = "三工业〔2022〕3号", Month = new YearMonth(2022, 1), Firms = 155,
            Projects = 204, TotalInvestment = 34_000_000_000m,
            Kinds =
            [
                new(ProjectKind.Intelligent, 42, 2_860_000_000m),
                new(ProjectKind.Green, 41, 4_840_000_000m),
                new(ProjectKind.Technical, 121, 26_300_000_000m),
            ],
        },
    ];

    public static bool Exists(string id) => All.Any(b => b.Id == id);

    public static string AllowedIds => string.Join(", ", All.Select(b => b.Id));
}
