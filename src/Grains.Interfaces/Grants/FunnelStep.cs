namespace Programme.Grants;

/// <summary>One stage of the funnel: how many applications got this far, and how many wait there now.</summary>
[GenerateSerializer, Immutable]
public sealed record FunnelStep([property: Id(0)] ReviewStage Stage, [property: Id(1)] int Reached, [property: Id(2)] int Pending);
