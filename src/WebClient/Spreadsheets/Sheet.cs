namespace Programme.Web.Spreadsheets;

/// <summary>A table read from or written to CSV/XLSX: a header row and data rows of cell text (row numbers as the file shows them).</summary>
public sealed record Sheet(IReadOnlyList<string> Header, IReadOnlyList<(int Row, string[] Cells)> Rows);
