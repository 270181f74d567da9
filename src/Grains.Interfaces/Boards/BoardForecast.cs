namespace Programme.Boards;

/// <summary>
/// The live forecast (预测) of one board: a Monte Carlo fork of the live state run to the programme's deadline.
/// <see cref="AsOf"/> is the reporting month the fork started from, <see cref="ComputedAt"/> when the runs finished.
/// Keys of <see cref="Targets"/> include at least "coverage", "projectsThisYear" and "completedThisYear".
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BoardForecast(
    [property: Id(0)] string AsOf,
    [property: Id(1)] string Deadline,
    [property: Id(2)] int Runs,
    [property: Id(3)] DateTimeOffset ComputedAt,
    [property: Id(4)] IReadOnlyDictionary<string, ForecastTarget> Targets);
