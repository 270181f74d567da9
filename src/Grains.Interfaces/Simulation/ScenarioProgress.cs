namespace Programme.Simulation;

[GenerateSerializer, Immutable]
public sealed record ScenarioProgress(
    [property: Id(0)] int MonthsDone,
    [property: Id(1)] int Months,
    [property: Id(2)] string? LastMonth,
    [property: Id(3)] long EnterpriseMonths,
    [property: Id(4)] double ElapsedSeconds);
