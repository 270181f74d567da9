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

    /// <summary>How often counties (and funding batches) push their board and report to the city, and the city pushes its board.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How long the per-silo pre-aggregator holds a firm's report before sending its county's batch. With
    /// <see cref="FlushInterval"/> this is the push budget: a change reaches a county board within BufferInterval +
    /// FlushInterval (150 ms) plus the calls, the city board within BufferInterval + 2 × FlushInterval (250 ms).
    /// </summary>
    public TimeSpan BufferInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// The day of the following month by which a month's scheduling report (月调度) is due, 1–28 (default the 5th: August's
    /// reports by 5 September).
    /// </summary>
    public int ReportDueDay { get; set; } = 5;

    /// <summary>The calendar these settings describe: one shared instance while they stay the same (every grain keeps one).</summary>
    public ProgrammeCalendar Calendar
    {
        get
        {
            var due = Math.Clamp(ReportDueDay, 1, 28);
            if (_calendar is { } held && held.Item1 == ReportingMonth && held.Item2.Year == Year && held.Item2.ReportDueDay == due)
                return held.Item2;
            var calendar = new ProgrammeCalendar(Year, YearMonth.Parse(ReportingMonth)) { ReportDueDay = due };
            _calendar = Tuple.Create(ReportingMonth, calendar); // one reference: read whole or not at all
            return calendar;
        }
    }

    private Tuple<string, ProgrammeCalendar>? _calendar;
}
