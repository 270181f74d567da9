namespace Programme.Aggregation;

/// <summary>
/// An enterprise's standing, sent to its county after every accepted change. The county keeps the newest version
/// per enterprise, so repeated and reordered reports never double-count. A report with no summary withdraws the
/// enterprise from that county (it moved away).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record EnterpriseReport(
    [property: Id(0)] string EnterpriseId,
    [property: Id(1)] string CountyId,
    [property: Id(2)] long Version,
    [property: Id(3)] EnterpriseSummary? Summary,
    [property: Id(4)] Contribution Contribution)
{
    public bool IsWithdrawal => Summary is null;
}
