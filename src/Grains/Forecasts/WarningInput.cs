using Programme.Boards;
using Programme.Domain;

namespace Programme.Grains.Forecasts;

/// <summary>What the warning rules look at: the boards with their forecasts, every firm, the calendar and the time now.</summary>
public sealed record WarningInput(
    Board City,
    IReadOnlyDictionary<string, Board> Counties,
    BoardForecast? CityForecast,
    IReadOnlyDictionary<string, BoardForecast> CountyForecasts,
    IReadOnlyList<Enterprise> Firms,
    ProgrammeCalendar Calendar,
    YearMonth Deadline,
    DateTimeOffset Now,
    int NamesInReason = 5);
