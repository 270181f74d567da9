namespace Programme.Grants;

/// <summary>补助类: a rate of the eligible investment completed in the window, with an optional cap per project (yuan).</summary>
[GenerateSerializer, Immutable]
public sealed record SubsidyRule([property: Id(0)] decimal Rate, [property: Id(1)] decimal? Cap);
