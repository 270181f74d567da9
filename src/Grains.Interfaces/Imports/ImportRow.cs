namespace Programme.Imports;

/// <summary>One row of a county's monthly report (月报): a firm's project, a month, the investment completed in it (yuan).</summary>
[GenerateSerializer, Immutable]
public sealed record ImportRow(
    [property: Id(0)] int Row,
    [property: Id(1)] string EnterpriseId,
    [property: Id(2)] string ProjectId,
    [property: Id(3)] string Month,
    [property: Id(4)] decimal Invested);
