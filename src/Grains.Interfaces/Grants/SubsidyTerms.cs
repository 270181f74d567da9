namespace Programme.Grants;

/// <summary>The subsidy class's terms as asked for: a rate 0–1 and an optional cap per project (yuan).</summary>
[GenerateSerializer, Immutable]
public sealed record SubsidyTerms([property: Id(0)] decimal? Rate, [property: Id(1)] decimal? Cap);
