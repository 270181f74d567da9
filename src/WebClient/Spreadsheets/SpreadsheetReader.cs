using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Programme.Web.Spreadsheets;

/// <summary>Reads the first sheet of an XLSX (OpenXML SDK) or a CSV (CsvHelper; UTF-8, or GB18030 as Excel saves it in China).</summary>
public static class SpreadsheetReader
{
    static SpreadsheetReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Sheet Read(Stream stream, string format) => format == SpreadsheetFormat.Xlsx ? ReadXlsx(stream) : ReadCsv(stream);

    private static Sheet ReadCsv(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.ToArray();
        var text = Decode(bytes);
        using var reader = new CsvReader(new StringReader(text), new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false, BadDataFound = null, MissingFieldFound = null, DetectDelimiter = true,
        });
        var rows = new List<(int, string[])>();
        string[]? header = null;
        while (reader.Read())
        {
            // Our exports neutralise formula-leading text with an apostrophe: read it back as the text it was.
            var cells = (reader.Parser.Record ?? []).Select(SpreadsheetWriter.Restore).ToArray();
            if (header is null) { header = cells; continue; }
            rows.Add((reader.Parser.Row, cells));
        }
        return new Sheet(header ?? [], rows);
    }

    private static string Decode(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }

    private static Sheet ReadXlsx(Stream stream)
    {
        using var doc = SpreadsheetDocument.Open(stream, false);
        var workbook = doc.WorkbookPart ?? throw new InvalidDataException("not a workbook");
        var sheet = workbook.Workbook.Sheets?.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().FirstOrDefault() ?? throw new InvalidDataException("the workbook has no sheet");
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
        var rows = new List<(int, string[])>();
        string[]? header = null;
        foreach (var row in part.Worksheet.Descendants<Row>())
        {
            var cells = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = ColumnIndex(cell.CellReference?.Value);
                while (cells.Count < column) cells.Add("");
                cells.Add(SpreadsheetWriter.Restore(Text(cell, shared)));
            }
            var number = (int)(row.RowIndex?.Value ?? (uint)(rows.Count + 2));
            if (header is null) { header = [.. cells]; continue; }
            rows.Add((number, [.. cells]));
        }
        return new Sheet(header ?? [], rows);
    }

    private static string Text(Cell cell, string[] shared)
    {
        var raw = cell.CellValue?.Text ?? cell.InlineString?.InnerText ?? "";
        if (cell.DataType?.Value == CellValues.SharedString && int.TryParse(raw, out var i) && i >= 0 && i < shared.Length) return shared[i];
        return raw;
    }

    private static int ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return 0;
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter)) index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        return Math.Max(0, index - 1);
    }
}
