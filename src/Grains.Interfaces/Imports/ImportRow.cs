namespace Programme.Imports;

/// <summary>
/// One row of a county's monthly report (月报): a firm's project, a month, and what the row sets. A value left blank
/// in the file is null here and means "no change" (the template comes pre-filled with what is already reported).
/// </summary>
[GenerateSerializer, Immutable, Alias("programme.import-row")]
public sealed record ImportRow(
    [property: Id(0)] int Row,
    [property: Id(1)] string EnterpriseId,
    [property: Id(2)] string ProjectId,
    [property: Id(3)] string Month,
    [property: Id(4)] decimal? Invested);
