namespace Programme.Grants;

/// <summary>Pay (part of) an award; without an amount, whatever is still unpaid.</summary>
[GenerateSerializer, Immutable]
public sealed record Disburse([property: Id(0)] int ApplicationId, [property: Id(1)] decimal? Amount, [property: Id(2)] string? Note);
