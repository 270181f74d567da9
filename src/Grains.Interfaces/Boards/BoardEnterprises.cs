namespace Programme.Boards;

/// <summary>
/// Above-scale firms on the programme year's list and how many are covered, with the same figures on the previous year's
/// list beside them: the reply's 改造覆盖率 96.2 % is 426 of the 443 firms on the 2021 list, while the 2022 list adds 20
/// firms newly above scale (新入规) and gives 426 / 463 = 92.0 %, 37 to go.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BoardEnterprises(
    [property: Id(0)] int AboveScale,
    [property: Id(1)] int Covered,
    [property: Id(2)] decimal Coverage,
    [property: Id(3)] int Uncovered,
    [property: Id(4)] int Total,
    [property: Id(5)] int ListYear = 0,
    [property: Id(6)] int NewlyAboveScale = 0,
    [property: Id(7)] BoardList? PriorList = null);
