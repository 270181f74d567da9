namespace Programme.Grants;

/// <summary>One class's figures in a batch: applications and what they ask, awards and what they give, yuan.</summary>
[GenerateSerializer, Immutable]
public sealed record BatchClassFigures
{
    [Id(0)] public int Applications { get; init; }
    [Id(1)] public decimal Requested { get; init; }
    /// <summary>Applications awarded.</summary>
    [Id(2)] public int Awarded { get; init; }
    [Id(3)] public decimal AwardedAmount { get; init; }
    [Id(4)] public decimal Disbursed { get; init; }
    /// <summary>Total investment of the applying projects (总投资), as declared.</summary>
    [Id(5)] public decimal TotalInvestment { get; init; }
    /// <summary>Investment the applying projects completed in the window (区间完成投资), as declared.</summary>
    [Id(6)] public decimal CompletedInWindow { get; init; }
}
