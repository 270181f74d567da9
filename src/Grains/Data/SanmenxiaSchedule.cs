using Programme.Domain;

namespace Programme.Grains.Data;

/// <summary>
/// Monthly scheduling (月调度) in the default data: every month of 2022 each running project of an above-scale firm reported
/// its physical progress (形象进度: words, and the share of its total investment completed), problems where it had them, and
/// whether the month's investment is in the statistics (纳统). For August — due 5 September — 15 underway projects have not
/// reported yet: their August investment is still to come (it was reported in July instead, so every total stays the seed's).
/// </summary>
internal static class SanmenxiaSchedule
{
    private const int Seed = 20220905;
    private const int NotYetReported = 15;
    private static readonly YearMonth Jan = new(2022, 1), Jul = new(2022, 7), Aug = new(2022, 8);

    private static readonly string[] Issues =
        ["设备到货延迟，影响安装进度", "项目资金到位滞后", "用地手续正在办理", "环评批复尚未取得", "施工受雨季影响", "电力增容审批进行中"];

    public static List<Enterprise> Attach(IReadOnlyList<Enterprise> registry)
    {
        var rng = new Random(Seed);
        var late = registry.Where(e => e.AboveScale)
            .SelectMany(e => e.Projects.Where(p => p.DueToReport(Aug) && p.StartMonth <= Jul && p.Monthly.Any(m => m.Month == Aug)).Select(p => (e.Id, p.Id)))
            .OrderBy(x => x.Item1, StringComparer.Ordinal).ThenBy(x => x.Item2, StringComparer.Ordinal)
            .OrderBy(_ => rng.Next()).Take(NotYetReported).ToHashSet();
        return [.. registry.Select(e => !e.AboveScale ? e : e with
        {
            Projects = [.. e.Projects.Select(p => p.Implemented && p.EndMonth >= Jan && p.StartMonth <= Aug ? Schedule(rng, p, late.Contains((e.Id, p.Id))) : p)],
        })];
    }

    private static Project Schedule(Random rng, Project p, bool late)
    {
        var monthly = p.Monthly;
        if (late)
        {
            // August's money not yet reported: it was in July's figure.
            var august = monthly.Single(m => m.Month == Aug).Amount;
            monthly = [.. monthly.Where(m => m.Month != Aug).Select(m => m.Month == Jul ? m with { Amount = m.Amount + august } : m)];
            if (monthly.All(m => m.Month != Jul)) monthly = [.. monthly.Append(new MonthlyInvestment(Jul, august)).OrderBy(m => m.Month)];
        }
        var reports = new List<ScheduleReport>();
        var from = p.StartMonth < Jan ? Jan : p.StartMonth;
        var to = p.EndMonth < Aug ? p.EndMonth : Aug;
        var hasIssue = rng.Next(100) < 15;
        for (var m = from; m <= to; m = m.AddMonths(1))
        {
            if (late && m == Aug) break;
            var done = monthly.Where(x => x.Month <= m).Sum(x => x.Amount);
            var percent = p.TotalInvestment == 0 ? 0m : Math.Min(100m, Math.Round(done * 100m / p.TotalInvestment, 1));
            var finished = p.Status == ProjectStatus.Completed && m == p.EndMonth;
            reports.Add(new ScheduleReport
            {
                Month = m, ProgressPercent = finished ? 100m : percent, Progress = finished ? "项目竣工，已投入试生产" : Words(percent),
                Problems = hasIssue && m >= to.AddMonths(-1) && !finished ? Issues[rng.Next(Issues.Length)] : null,
                InStatistics = rng.Next(100) < 92,
            });
        }
        return p with { Monthly = [.. monthly], Schedule = [.. reports] };
    }

    private static string Words(decimal percent) => percent switch
    {
        < 15m => "完成前期手续，设备采购招标中",
        < 40m => "土建施工中，部分设备已到货",
        < 70m => "主体设备安装中",
        < 90m => "设备安装基本完成，进入调试阶段",
        _ => "设备调试完成，试生产准备中",
    };
}
