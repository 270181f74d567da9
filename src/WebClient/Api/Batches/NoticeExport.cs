using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Programme.Domain;
using Programme.Grants;

namespace Programme.Web.Api.Batches;

/// <summary>The public-notice list (公示名单) as rows, CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese) and XLSX.</summary>
public static class NoticeExport
{
    public static readonly string[] Header =
        ["序号", "县市区", "企业名称", "项目名称", "类别", "总投资（万元）", "区间完成投资（万元）", "拟支持金额（万元）", "备注"];

    /// <summary>Subsidy class first, then county by county in the city's order, then by application number.</summary>
    public static IReadOnlyList<NoticeRow> Rows(IEnumerable<GrantApplication> applications)
    {
        var countyOrder = CountyCatalogue.All.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i);
        return [.. applications
            .OrderBy(a => a.Class).ThenBy(a => countyOrder.GetValueOrDefault(a.CountyId, int.MaxValue)).ThenBy(a => a.Id)
            .Select((a, i) => new NoticeRow(
                i + 1, a.Id, CountyCatalogue.Exists(a.CountyId) ? CountyCatalogue.Get(a.CountyId).NameZh : a.CountyId,
                a.EnterpriseName, a.ProjectName, a.Class == GrantClass.Subsidy ? "补助类" : "奖励类",
                a.TotalInvestment, a.Class == GrantClass.Subsidy ? a.CompletedInWindow : null, a.Amount,
                Remark(a)))];
    }

    /// <summary>万元 to the fen's hundredth: totals are summed in yuan first, so they match the batch's figures exactly.</summary>
    private static decimal? Wan(decimal? yuan) => yuan is { } y ? decimal.Round(y / 10_000m, 2) : null;

    private static string Remark(GrantApplication a) => a.Result switch
    {
        RewardResult.SmartFactory => "智能工厂",
        RewardResult.SmartWorkshop => "智能车间",
        RewardResult.GreenFactory => "绿色工厂",
        RewardResult.SmartManufacturingBenchmark => "智能制造标杆企业",
        RewardResult.MachineReplacesLabour => "机器换人",
        _ => a.ProjectKind switch
        {
            ProjectKind.Intelligent => "智能化改造",
            ProjectKind.Green => "绿色化改造",
            _ => "技术改造",
        },
    };

    public static byte[] Csv(IReadOnlyList<NoticeRow> rows)
    {
        using var stream = new MemoryStream();
        // Escape text that a spreadsheet would run as a formula: firm and project names come from users.
        var options = new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape };
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = new CsvWriter(writer, options))
        {
            void Record(params string[] fields)
            {
                foreach (var f in fields) csv.WriteField(f);
                csv.NextRecord();
            }
            Record(Header);
            foreach (var r in rows)
            {
                Record(r.No.ToString(CultureInfo.InvariantCulture), r.County, r.Enterprise, r.Project, r.Class,
                    Number(Wan(r.TotalInvestment)), Number(Wan(r.CompletedInWindow)), Number(Wan(r.Proposed)), r.Remark);
            }
            Record("合计", "", "", "", "", Number(Wan(rows.Sum(r => r.TotalInvestment))),
                Number(Wan(rows.Sum(r => r.CompletedInWindow ?? 0))), Number(Wan(rows.Sum(r => r.Proposed))), $"{rows.Count}个项目");
        }
        return stream.ToArray();
    }

    private static string Number(decimal? wan) => wan is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "";

    /// <summary>One sheet: the notice's title, the header, one row per application, and the total; amounts as numbers.</summary>
    public static byte[] Xlsx(string title, IReadOnlyList<NoticeRow> rows)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var book = doc.AddWorkbookPart();
            book.Workbook = new Workbook();
            var styles = book.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheetPart = book.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var r = 1u;
            data.Append(Row(r++, [Text(title, Style.Title)]));
            data.Append(Row(r++, [.. Header.Select(h => Text(h, Style.Header))]));
            foreach (var x in rows)
            {
                data.Append(Row(r++,
                [
                    Number(x.No, Style.Plain), Text(x.County), Text(x.Enterprise), Text(x.Project), Text(x.Class),
                    Money(Wan(x.TotalInvestment)), Money(Wan(x.CompletedInWindow)), Money(Wan(x.Proposed)), Text(x.Remark),
                ]));
            }
            data.Append(Row(r, [Text("合计", Style.Header), Text(""), Text(""), Text(""), Text(""),
                Money(Wan(rows.Sum(x => x.TotalInvestment)), Style.TotalMoney), Money(Wan(rows.Sum(x => x.CompletedInWindow ?? 0)), Style.TotalMoney),
                Money(Wan(rows.Sum(x => x.Proposed)), Style.TotalMoney), Text($"{rows.Count}个项目", Style.Header)]));

            var columns = new Columns();
            double[] widths = [6, 16, 34, 40, 8, 14, 18, 18, 16];
            for (var i = 0; i < widths.Length; i++)
                columns.Append(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = widths[i], CustomWidth = true });
            var merge = new MergeCells(new MergeCell { Reference = "A1:I1" });
            sheetPart.Worksheet = new Worksheet(columns, data, merge);
            book.Workbook.AppendChild(new Sheets(new Sheet { Id = book.GetIdOfPart(sheetPart), SheetId = 1, Name = "公示名单" }));
            book.Workbook.Save();
        }
        return stream.ToArray();
    }

    private enum Style : uint { Plain = 0, Title = 1, Header = 2, Money = 3, TotalMoney = 4 }

    private static Row Row(uint index, Cell[] cells)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i].CellReference = $"{(char)('A' + i)}{index}";
            row.Append(cells[i]);
        }
        return row;
    }

    private static Cell Text(string text, Style style = Style.Plain) =>
        new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)), StyleIndex = (uint)style };

    private static Cell Number(decimal value, Style style) =>
        new() { DataType = CellValues.Number, CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture)), StyleIndex = (uint)style };

    private static Cell Money(decimal? wan, Style style = Style.Money) => wan is { } v ? Number(v, style) : Text("");

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0.00" }) { Count = 1 },
        new Fonts(new Font(new FontSize { Val = 11 }), new Font(new Bold(), new FontSize { Val = 14 }), new Font(new Bold(), new FontSize { Val = 11 })) { Count = 3 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat { FontId = 0 },
            new CellFormat { FontId = 1, ApplyFont = true, Alignment = new Alignment { Horizontal = HorizontalAlignmentValues.Center } },
            new CellFormat { FontId = 2, ApplyFont = true },
            new CellFormat { FontId = 0, NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { FontId = 2, NumberFormatId = 164, ApplyNumberFormat = true, ApplyFont = true }) { Count = 5 });
}
