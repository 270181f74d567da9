namespace Programme.Grants;

/// <summary>
/// One stage of a batch forecast: the applications there now (pending, returned or waiting there) and their amount, and
/// the awards they are expected to bring — count (a mean) and yuan.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BatchStageForecast(
    [property: Id(0)] ReviewStage Stage,
    [property: Id(1)] int Applications,
    [property: Id(2)] decimal Amount,
    [property: Id(3)] decimal ExpectedAwards,
    [property: Id(4)] decimal ExpectedAmount);
