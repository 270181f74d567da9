using System.Globalization;
using System.Text;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Programme.Web.Spreadsheets;

/// <summary>Writes a table as CSV (UTF-8 with BOM, so Excel shows Chinese right) or as an XLSX workbook.</summary>
public static class SpreadsheetWriter
{
    public static byte[] Write(string format, string sheetName, IReadOnlyList<string> header, IEnumerable<object?[]> rows) =>
        format == SpreadsheetFormat.Xlsx ? Xlsx(sheetName, header, rows) : Csv(header, rows);

    private static byte[] Csv(IReadOnlyList<string> header, IEnumerable<object?[]> rows)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(true)))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var h in header) csv.WriteField(h);
            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var cell in row) csv.WriteField(cell is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : cell?.ToString() ?? "");
                csv.NextRecord();
            }
        }
        return buffer.ToArray();
    }

    private static byte[] Xlsx(string sheetName, IReadOnlyList<string> header, IEnumerable<object?[]> rows)
    {
        using var buffer = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = doc.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(1, header.Cast<object?>().ToArray()));
            uint index = 2;
            foreach (var row in rows) data.Append(Row(index++, row));
            sheetPart.Worksheet = new Worksheet(data);
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            sheets.Append(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName });
            workbook.Workbook.Save();
        }
        return buffer.ToArray();
    }

    private static Row Row(uint index, object?[] cells)
    {
        var row = new Row { RowIndex = index };
        foreach (var value in cells)
        {
            row.Append(value switch
            {
                decimal d => new Cell { DataType = CellValues.Number, CellValue = new CellValue(d.ToString(CultureInfo.InvariantCulture)) },
                int i => new Cell { DataType = CellValues.Number, CellValue = new CellValue(i.ToString(CultureInfo.InvariantCulture)) },
                long l => new Cell { DataType = CellValues.Number, CellValue = new CellValue(l.ToString(CultureInfo.InvariantCulture)) },
                _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value?.ToString() ?? "")) },
            });
        }
        return row;
    }
}
