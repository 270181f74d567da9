using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Programme.Web.Spreadsheets;

/// <summary>Optional presentation of a written table: a title row above the header (XLSX only), column widths, fixed decimals.</summary>
public sealed record SheetLayout
{
    /// <summary>A bold, merged title row above the header in XLSX; CSV has none (its first line is the header).</summary>
    public string? Title { get; init; }
    /// <summary>Column widths in XLSX, in characters.</summary>
    public IReadOnlyList<double>? Widths { get; init; }
    /// <summary>Decimal numbers with this many places: "0.00" in CSV, "#,##0.00" in XLSX (still numbers).</summary>
    public int? Decimals { get; init; }
}

/// <summary>A cell shown in bold (totals rows); its value is written like any other.</summary>
public readonly record struct Emphasis(object? Value);

/// <summary>
/// The one writer of every CSV (UTF-8 with BOM, so Excel shows Chinese right) and XLSX workbook the product emits.
/// Safe by construction: numbers (decimal, int, long, double) are written as numbers, everything else as text, and a
/// text cell that a spreadsheet program would run as a formula — beginning with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>,
/// tab or carriage return — is neutralised with a leading apostrophe, the spreadsheet convention for "this is text".
/// Firm, project, user and file names come from users; none of them can become a formula in a file city staff open.
/// </summary>
public static partial class SpreadsheetWriter
{
    /// <summary>The characters that make a spreadsheet program treat a cell as a formula (OWASP's CSV injection list).</summary>
    public static readonly char[] FormulaLeads = ['=', '+', '-', '@', '\t', '\r'];

    [GeneratedRegex(@"^[+-]?[0-9]+(\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();

    /// <summary>
    /// Text as a cell may hold it: prefixed with an apostrophe when it begins with a formula character, unless it is a
    /// plain number such as "-1500" (which no program runs as anything but a number).
    /// </summary>
    public static string Neutralise(string text) =>
        text.Length > 0 && Array.IndexOf(FormulaLeads, text[0]) >= 0 && !PlainNumber().IsMatch(text) ? "'" + text : text;

    /// <summary>Whether a text cell as written would be run as a formula (what the export tests look for).</summary>
    public static bool IsFormulaLeading(string text) => text.Length > 0 && Array.IndexOf(FormulaLeads, text[0]) >= 0 && !PlainNumber().IsMatch(text);

    /// <summary>The reverse of <see cref="Neutralise"/> for a cell read back from one of our files.</summary>
    public static string Restore(string text) =>
        text.Length > 1 && text[0] == '\'' && Array.IndexOf(FormulaLeads, text[1]) >= 0 ? text[1..] : text;

    public static byte[] Write(string format, string sheetName, IReadOnlyList<string> header, IEnumerable<object?[]> rows, SheetLayout? layout = null) =>
        format == SpreadsheetFormat.Xlsx ? Xlsx(sheetName, header, rows, layout ?? new SheetLayout()) : Csv(header, rows, layout ?? new SheetLayout());

    private static byte[] Csv(IReadOnlyList<string> header, IEnumerable<object?[]> rows, SheetLayout layout)
    {
        using var buffer = new MemoryStream();
        // We neutralise ourselves (the same rule as XLSX); CsvHelper only quotes.
        var options = new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.None };
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(true)))
        using (var csv = new CsvWriter(writer, options))
        {
            foreach (var h in header) csv.WriteField(Neutralise(h));
            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var cell in row) csv.WriteField(CsvText(cell is Emphasis e ? e.Value : cell, layout));
                csv.NextRecord();
            }
        }
        return buffer.ToArray();
    }

    private static string CsvText(object? value, SheetLayout layout) => value switch
    {
        null => "",
        decimal d when layout.Decimals is { } places => d.ToString("0." + new string('0', places), CultureInfo.InvariantCulture),
        decimal or int or long or double => ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture),
        IFormattable f => Neutralise(f.ToString(null, CultureInfo.InvariantCulture)),
        _ => Neutralise(value.ToString() ?? ""),
    };

    private enum Style : uint { Plain = 0, Title = 1, Bold = 2, Decimal = 3, BoldDecimal = 4 }

    private static byte[] Xlsx(string sheetName, IReadOnlyList<string> header, IEnumerable<object?[]> rows, SheetLayout layout)
    {
        using var buffer = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = doc.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Stylesheet(layout.Decimals ?? 2);
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            uint index = 1;
            if (layout.Title is { } title) data.Append(Row(index++, [new Emphasis(title)], layout, Style.Title));
            data.Append(Row(index++, [.. header.Select(h => (object?)new Emphasis(h))], layout));
            foreach (var row in rows) data.Append(Row(index++, row, layout));
            var parts = new List<OpenXmlElement>();
            if (layout.Widths is { Count: > 0 } widths)
            {
                var columns = new Columns();
                for (var i = 0; i < widths.Count; i++)
                    columns.Append(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = widths[i], CustomWidth = true });
                parts.Add(columns);
            }
            parts.Add(data);
            if (layout.Title is not null && header.Count > 1)
                parts.Add(new MergeCells(new MergeCell { Reference = $"A1:{Column(header.Count - 1)}1" }));
            sheetPart.Worksheet = new Worksheet(parts);
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            sheets.Append(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = SheetName(sheetName) });
            workbook.Workbook.Save();
        }
        return buffer.ToArray();
    }

    /// <summary>Excel's rules for a sheet name: at most 31 characters, none of : \ / ? * [ ].</summary>
    private static string SheetName(string name)
    {
        var clean = new string([.. name.Select(c => ":\\/?*[]".Contains(c) ? '_' : c)]);
        return clean.Length > 31 ? clean[..31] : clean.Length == 0 ? "Sheet1" : clean;
    }

    private static string Column(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    private static Row Row(uint index, object?[] cells, SheetLayout layout, Style? textStyle = null)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < cells.Length; i++)
        {
            var bold = cells[i] is Emphasis;
            var value = cells[i] is Emphasis e ? e.Value : cells[i];
            var cell = value switch
            {
                decimal d => Number(d.ToString(CultureInfo.InvariantCulture), layout.Decimals is null ? (bold ? Style.Bold : Style.Plain) : bold ? Style.BoldDecimal : Style.Decimal),
                int n => Number(n.ToString(CultureInfo.InvariantCulture), bold ? Style.Bold : Style.Plain),
                long n => Number(n.ToString(CultureInfo.InvariantCulture), bold ? Style.Bold : Style.Plain),
                double n => Number(n.ToString("R", CultureInfo.InvariantCulture), bold ? Style.Bold : Style.Plain),
                _ => Text(value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value?.ToString() ?? "", textStyle ?? (bold ? Style.Bold : Style.Plain)),
            };
            cell.CellReference = $"{Column(i)}{index}";
            row.Append(cell);
        }
        return row;
    }

    private static Cell Number(string value, Style style) =>
        new() { DataType = CellValues.Number, CellValue = new CellValue(value), StyleIndex = (uint)style };

    private static Cell Text(string text, Style style) =>
        new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Neutralise(text)) { Space = SpaceProcessingModeValues.Preserve }), StyleIndex = (uint)style };

    private static Stylesheet Stylesheet(int decimals) => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = decimals > 0 ? "#,##0." + new string('0', decimals) : "#,##0" }) { Count = 1 },
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
