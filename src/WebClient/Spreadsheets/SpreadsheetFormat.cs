namespace Programme.Web.Spreadsheets;

public static class SpreadsheetFormat
{
    public const string Csv = "csv";
    public const string Xlsx = "xlsx";
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string? FromFileName(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".csv" => Csv,
        ".xlsx" => Xlsx,
        _ => null,
    };
}
