namespace Programme.Boards;

/// <summary>
/// One target's forecast at the deadline: the target, the expected value, its 5–95 % band and the probability (0–1) that
/// the value meets the target. Units are the target's own (coverage a share 0–1, counts, yuan).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ForecastTarget(
    [property: Id(0)] decimal Target,
    [property: Id(1)] decimal Expected,
    [property: Id(2)] decimal P5,
    [property: Id(3)] decimal P95,
    [property: Id(4)] double Probability);
