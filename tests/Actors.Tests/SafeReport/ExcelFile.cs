using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Programme.Tests.SafeReport;

/// <summary>
/// An XLSX as Excel saves one (DocumentFormat.OpenXml): text in the shared-string table, every cell with its A1
/// reference, numbers as numbers, blank cells simply absent.
/// </summary>
public static class ExcelFile
{
    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        using var buffer = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = doc.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var index = new Dictionary<string, int>();
            int Shared(string text)
            {
                if (index.TryGetValue(text, out var i)) return i;
                strings.SharedStringTable.AppendChild(new SharedStringItem(new Text(text)));
                return index[text] = index.Count;
            }
            var data = new SheetData();
            var r = 1u;
            foreach (var line in rows.Prepend(header.Cast<string?>().ToList()))
            {
                var row = new Row { RowIndex = r };
                for (var c = 0; c < line.Count; c++)
                {
                    var value = line[c];
                    if (string.IsNullOrEmpty(value)) continue;
                    var reference = $"{(char)('A' + c)}{r}";
                    row.Append(r > 1 && decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && !value.Contains('-')
                        ? new Cell { CellReference = reference, CellValue = new CellValue(d.ToString(CultureInfo.InvariantCulture)) }
                        : new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(Shared(value).ToString(CultureInfo.InvariantCulture)) });
                }
                data.Append(row);
                r++;
            }
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets()).Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "月报" });
            workbook.Workbook.Save();
        }
        return buffer.ToArray();
    }
}
