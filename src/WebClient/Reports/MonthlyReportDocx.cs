using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using static Programme.Web.Reports.ReportText;

namespace Programme.Web.Reports;

/// <summary>
/// The monthly scheduling report (月调度通报) as a Word document in the bureau's layout: A4, numbered sections, tables with
/// money in 亿元 (city figures) and 万元 (counties and projects). Sections whose figures are not computed yet say so.
/// </summary>
public static class MonthlyReportDocx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string NotComputed = "预测尚未计算（not yet computed）。";
    public const string WarningsNotComputed = "预警尚未计算（not yet computed）。";

    public static byte[] Write(MonthlyReport r)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);

            body.Append(Para("三门峡市“三大改造”工作月调度通报", size: 40, bold: true, center: true, font: "黑体"));
            body.Append(Para($"（{Month(r.Month)}）", size: 32, center: true));
            body.Append(Para($"数据截至{Month(r.Month)}末 · 时间进度 {Percent(r.CalendarProgress)} · 月调度报送截止 {r.DueDate}", size: 21, center: true));

            var completed = r.Figures.First(f => f.Key == "completedThisYear");
            var coverage = r.Figures.First(f => f.Key == "coverage");
            body.Append(Heading("一、主要指标完成情况"));
            body.Append(Para($"1—{MonthNumber(r.Month)}月，全市完成投资 {Yi(completed.Actual)} 亿元，完成年度目标的 {Percent(completed.OfTarget)}，" +
                $"{Calendar(completed.AheadOfCalendar).Replace("超", "超时间进度").Replace("落后", "落后时间进度")}；规上工业企业改造覆盖率 {Percent(coverage.Actual)}。"));
            body.Append(Table(
                ["指标", "年度目标", "完成", "完成率", "较时间进度", "状态"],
                r.Figures.Select(f => new[]
                {
                    f.Label, FigureValue(f.Unit, f.Target), FigureValue(f.Unit, f.Actual), Percent(f.OfTarget),
                    f.Key == "coverage" ? Gap(f.AheadOfCalendar) : Calendar(f.AheadOfCalendar), Rag(f.Status),
                }), "金额单位：亿元"));

            body.Append(Heading("二、县（市、区）排名"));
            if (r.First is { } first && r.Last is { } last)
                body.Append(Para($"综合得分第一名 {first.Name}（{first.Score:0.00} 分，首位 · 交流发言），末位 {last.Name}（{last.Score:0.00} 分，末位 · 表态发言）。"));
            body.Append(Table(
                ["排名", "县（市、区）", "综合得分", "改造覆盖率", "年度项目（个）", "完成投资（万元）", "投资目标（万元）", "完成率", "备注"],
                r.League.Select(c => new[]
                {
                    c.Rank.ToString(), c.Name, c.Score.ToString("0.00"), $"{Percent(c.Coverage)}（{c.Covered}/{c.AboveScale}）",
                    $"{c.ProjectsThisYear}/{c.ProjectsTarget}", Wan(c.CompletedThisYear), Wan(c.CompletedTarget),
                    Percent(c.CompletedTarget > 0 ? c.CompletedThisYear / c.CompletedTarget : null),
                    c == r.First ? "首位" : c == r.Last ? "末位" : "",
                }), "金额单位：万元"));

            body.Append(Heading("三、月调度报送情况"));
            body.Append(Para($"{Month(r.Month)}应报送月调度的在建入库项目 {r.ScheduleDue} 个，已报送 {r.ScheduleReported} 个，报送率 " +
                $"{Percent(r.ScheduleDue > 0 ? (decimal)r.ScheduleReported / r.ScheduleDue : null)}（截止 {r.DueDate}）。"));

            body.Append(Heading("四、预警情况"));
            if (r.Warnings is null) body.Append(Para(WarningsNotComputed));
            else if (r.Warnings.Count == 0) body.Append(Para("本月无红色、黄色预警。"));
            else
            {
                body.Append(Para($"红色预警 {r.Warnings.Count(w => w.Level == "red")} 项，黄色预警 {r.Warnings.Count(w => w.Level != "red")} 项。"));
                body.Append(Table(["等级", "指标", "范围", "原因", "预警起始"],
                    r.Warnings.Select(w => new[] { Level(w.Level), TargetName(w.Target), County(w.CountyId), w.Reason, Beijing(w.Since) }),
                    null));
            }

            body.Append(Heading("五、目标预测"));
            if (r.Forecast is not { } forecast) body.Append(Para(NotComputed));
            else
            {
                body.Append(Para($"以{Month(forecast.AsOf)}实时状态为起点，蒙特卡洛模拟 {forecast.Runs} 次，预测至 {Month(forecast.Deadline)}（计算于 {Beijing(forecast.ComputedAt)}）。"));
                body.Append(Table(["指标", "目标", "预计", "区间（5%–95%）", "达标概率"],
                    forecast.Targets.Select(kv => new[]
                    {
                        TargetName(kv.Key), Value(kv.Key, kv.Value.Target), Value(kv.Key, kv.Value.Expected),
                        $"{Value(kv.Key, kv.Value.P5)} – {Value(kv.Key, kv.Value.P95)}", Percent(kv.Value.Probability),
                    }), null));
            }

            body.Append(Heading("六、重点项目"));
            if (r.KeyProjects.Count == 0) body.Append(Para("暂无列入重点项目的入库项目。"));
            else
                body.Append(Table(["县（市、区）", "企业", "项目", "类型", "总投资", "年度计划", "本年完成", "形象进度", "存在问题"],
                    r.KeyProjects.Select(p => new[]
                    {
                        p.County, p.Enterprise, p.Name, Kind(p.Kind), Wan(p.TotalInvestment), Wan(p.PlannedThisYear), Wan(p.CompletedThisYear),
                        p.ProgressPercent is { } pp ? $"{pp:0.#}%{(string.IsNullOrWhiteSpace(p.Progress) ? "" : "，" + p.Progress)}" : "本月未报",
                        p.Problems ?? "",
                    }), "金额单位：万元"));

            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1440, Bottom = 1440, Left = 1247U, Right = 1247U, Header = 720U, Footer = 720U }));
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static string FigureValue(string unit, decimal v) => unit switch
    {
        "yuan" => Yi(v),
        "share" => Percent(v),
        _ => Count(v),
    };

    /// <summary>Coverage against its full target: "距目标 8.0 个百分点" (or "已达标").</summary>
    private static string Gap(decimal? ahead) => ahead is not { } a ? "—" : a >= 0 ? "已达标"
        : $"距目标 {(-a * 100m).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} 个百分点";

    private static int MonthNumber(string ym) => Domain.YearMonth.Parse(ym).Month;

    private static Paragraph Heading(string text) => Para(text, size: 32, bold: true, font: "黑体", spaceBefore: 240);

    private static Paragraph Para(string text, int size = 28, bool bold = false, bool center = false, string font = "仿宋", int spaceBefore = 0)
    {
        // The schema fixes the order of a run's properties: fonts, bold, size.
        var props = new RunProperties(new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", EastAsia = font });
        if (bold) props.Append(new Bold());
        props.Append(new FontSize { Val = size.ToString() });
        var pp = new ParagraphProperties(new SpacingBetweenLines { Before = spaceBefore.ToString(), After = "120" });
        if (center) pp.Append(new Justification { Val = JustificationValues.Center });
        return new Paragraph(pp, new Run(props, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    /// <summary>A table with its unit line above it (金额单位：万元), right-aligned as the bureau prints it.</summary>
    private static OpenXmlElement[] Table(string[] header, IEnumerable<string[]> rows, string? unitNote)
    {
        var table = new Table();
        table.Append(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 6 }, new LeftBorder { Val = BorderValues.Single, Size = 6 },
                new BottomBorder { Val = BorderValues.Single, Size = 6 }, new RightBorder { Val = BorderValues.Single, Size = 6 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
        table.Append(new TableGrid(header.Select(_ => new GridColumn())));
        table.Append(Row(header, true));
        foreach (var r in rows) table.Append(Row(r, false));
        if (unitNote is null) return [table];
        var note = Para(unitNote, size: 21);
        note.ParagraphProperties!.Append(new Justification { Val = JustificationValues.Right });
        return [note, table];
    }

    private static TableRow Row(string[] cells, bool header)
    {
        var row = new TableRow();
        if (header) row.Append(new TableRowProperties(new TableHeader()));
        foreach (var c in cells)
            row.Append(new TableCell(new TableCellProperties(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center }),
                Para(c, size: 21, bold: header, center: header, font: header ? "黑体" : "仿宋")));
        return row;
    }
}
