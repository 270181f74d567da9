using Programme.Boards;

namespace Programme.Forecasts;

/// <summary>One recomputation: the forecast of the city and of each county, and every warning in force.</summary>
[GenerateSerializer, Immutable]
public sealed record ForecastRun(
    [property: Id(0)] BoardForecast City,
    [property: Id(1)] IReadOnlyDictionary<string, BoardForecast> Counties,
    [property: Id(2)] IReadOnlyList<BoardWarning> Warnings,
    [property: Id(3)] long Sequence);
