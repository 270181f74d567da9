namespace Programme.Domain;

/// <summary>Which programme year the boards report, and the latest month reported (月报截止).</summary>
[GenerateSerializer, Immutable]
public sealed record ProgrammeCalendar([property: Id(0)] int Year, [property: Id(1)] YearMonth ReportingMonth)
{
    public static readonly ProgrammeCalendar Default = new(2022, new YearMonth(2022, 8));

    /// <summary>Share of the programme year elapsed at the end of the reporting month (时间进度).</summary>
    public decimal CalendarProgress =>
        ReportingMonth.Year < Year ? 0m : ReportingMonth.Year > Year ? 1m : ReportingMonth.Month / 12m;
}
