namespace Programme.Domain;

/// <summary>Which programme year the boards report, and the latest month reported (月报截止).</summary>
[GenerateSerializer, Immutable]
public sealed record ProgrammeCalendar([property: Id(0)] int Year, [property: Id(1)] YearMonth ReportingMonth)
{
    public static readonly ProgrammeCalendar Default = new(2022, new YearMonth(2022, 8));

    /// <summary>Share of the programme year elapsed at the end of the reporting month (时间进度).</summary>
    /// <summary>Day of the next month by which a month's scheduling report (月调度) is due.</summary>
    [Id(2)] public int ReportDueDay { get; init; } = 5;

    /// <summary>When the reporting month's scheduling reports are due: "YYYY-MM-DD".</summary>
    public string ReportDueDate
    {
        get
        {
            var next = ReportingMonth.AddMonths(1);
            return $"{next.Year:0000}-{next.Month:00}-{ReportDueDay:00}";
        }
    }

    public decimal CalendarProgress =>
        ReportingMonth.Year < Year ? 0m : ReportingMonth.Year > Year ? 1m : ReportingMonth.Month / 12m;
}
