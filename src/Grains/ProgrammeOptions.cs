using Programme.Domain;

namespace Programme.Grains;

/// <summary>Configuration section "Programme".</summary>
public sealed class ProgrammeOptions
{
    public const string Section = "Programme";

    /// <summary>Dataset loaded at start: "sanmenxia-2022" (default) or "empty".</summary>
    public string Data { get; set; } = "sanmenxia-2022";

    /// <summary>The programme year the boards report.</summary>
    public int Year { get; set; } = 2022;

    /// <summary>The latest month reported, "YYYY-MM". Progress can be reported up to and including it.</summary>
    public string ReportingMonth { get; set; } = "2022-08";

    /// <summary>How often the per-silo pre-aggregator flushes to counties, and counties to the city.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The day of the following month by which a month's scheduling report (月调度) is due, 1–28 (default the 5th: August's
    /// reports by 5 September).
    /// </summary>
    public int ReportDueDay { get; set; } = 5;

    public ProgrammeCalendar Calendar => new(Year, YearMonth.Parse(ReportingMonth)) { ReportDueDay = Math.Clamp(ReportDueDay, 1, 28) };
}
