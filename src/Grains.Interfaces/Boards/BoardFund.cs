namespace Programme.Boards;

/// <summary>The special fund (专项资金) as received by the firms: awarded and disbursed, yuan.</summary>
[GenerateSerializer, Immutable]
public sealed record BoardFund([property: Id(0)] decimal Awarded, [property: Id(1)] decimal Disbursed, [property: Id(2)] int Projects);
