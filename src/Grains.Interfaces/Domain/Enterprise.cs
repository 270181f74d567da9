namespace Programme.Domain;

/// <summary>An enterprise (企业) as its grain holds it: profile, projects, cloud, digital, certifications, grants.</summary>
[GenerateSerializer, Immutable, Alias("programme.enterprise")]
public sealed record Enterprise
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public required string CountyId { get; init; }
    [Id(3)] public required string Sector { get; init; }
    /// <summary>规上企业: annual revenue ≥ 20 million yuan; the coverage target counts these.</summary>
    [Id(4)] public bool AboveScale { get; init; }
    [Id(5)] public OperatingStatus Status { get; init; }
    [Id(6)] public Project[] Projects { get; init; } = [];
    /// <summary>Month the firm moved onto an industrial cloud platform (企业上云), if it has.</summary>
    [Id(7)] public YearMonth? CloudSince { get; init; }
    /// <summary>Month the firm completed its digital transformation (数字化改造), if it has.</summary>
    [Id(8)] public YearMonth? DigitalSince { get; init; }
    [Id(9)] public Certification[] Certifications { get; init; } = [];
    [Id(10)] public GrantReceived[] Grants { get; init; } = [];
    /// <summary>Grows by one with every accepted change.</summary>
    [Id(11)] public long Version { get; init; }
    [Id(12)] public DateTimeOffset UpdatedAt { get; init; }
    /// <summary>
    /// The year the firm entered the above-scale list (入规年份); null for a firm on the list since before the records.
    /// A firm that entered in the programme year is newly above scale (新入规): on the year's list, not on the previous one.
    /// </summary>
    [Id(13)] public int? AboveScaleSince { get; init; }

    /// <summary>Covered (已改造): above-scale with at least one project underway or completed.</summary>
    public bool Covered => AboveScale && Projects.Any(p => p.Implemented);

    /// <summary>Above-scale and on the list of the year before <paramref name="year"/> (not newly above scale that year).</summary>
    public bool OnListBefore(int year) => AboveScale && (AboveScaleSince is null || AboveScaleSince < year);
}
