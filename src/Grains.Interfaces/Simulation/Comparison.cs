namespace Programme.Simulation;

/// <summary>
/// A policy against its no-subsidy twin on common random numbers, at the last simulated month (means over runs, yuan).
/// Additionality is what happens only because of the grants; leverage is private investment per yuan of grant.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Comparison
{
    [Id(0)] public decimal AdditionalProjects { get; init; }
    [Id(1)] public decimal AdditionalInvestment { get; init; }
    [Id(2)] public decimal AdditionalInvestmentCompleted { get; init; }
    [Id(3)] public decimal AdditionalCovered { get; init; }
    /// <summary>Grants awarded within the simulation.</summary>
    [Id(4)] public decimal Grants { get; init; }
    /// <summary>Private investment completed by the funded projects per yuan of grant ((funded − grants) / grants); null without grants.</summary>
    [Id(5)] public decimal? LeverageRatio { get; init; }
    /// <summary>Additional investment completed per yuan of grant; null without grants.</summary>
    [Id(6)] public decimal? AdditionalInvestmentPerYuan { get; init; }
    /// <summary>Grants per firm covered only because of them; null when none is.</summary>
    [Id(7)] public decimal? CostPerNewlyCoveredFirm { get; init; }
    [Id(8)] public required Band AdditionalProjectsBand { get; init; }
    [Id(9)] public required Band AdditionalInvestmentBand { get; init; }
    [Id(10)] public required Band AdditionalCoveredBand { get; init; }
    [Id(11)] public decimal ProbabilityFullCoverageTwin { get; init; }
    [Id(12)] public Band? AdditionalInvestmentCompletedBand { get; init; }
    /// <summary>5–95 % of the per-run leverage ratio (runs with grants); null without grants.</summary>
    [Id(13)] public Band? LeverageRatioBand { get; init; }
    /// <summary>5–95 % of the per-run cost per newly covered firm (runs that cover a firm more than the twin); null when none does.</summary>
    [Id(14)] public Band? CostPerNewlyCoveredFirmBand { get; init; }
    /// <summary>Total investment of the projects funded within the simulation (mean over runs): what the leverage is counted on.</summary>
    [Id(15)] public decimal FundedInvestment { get; init; }
    /// <summary>Additional completed investment as a share of the funded projects' own total investment (null without funded projects).</summary>
    [Id(16)] public decimal? AdditionalShareOfFunded { get; init; }
}
