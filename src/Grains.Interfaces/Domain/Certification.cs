namespace Programme.Domain;

/// <summary>A certification granted to the firm (e.g. provincial smart workshop 省级智能车间) in a month.</summary>
[GenerateSerializer, Immutable, Alias("programme.certification")]
public sealed record Certification(
    [property: Id(0)] CertificationKind Kind,
    [property: Id(1)] CertificationLevel Level,
    [property: Id(2)] YearMonth Month);
