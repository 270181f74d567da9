namespace Programme.Domain;

/// <summary>
/// A programme year's targets (年度目标), for the city or — decomposed item by item (逐项分解) — for one county.
/// Money in yuan; coverage is a fraction.
/// </summary>
[GenerateSerializer, Immutable, Alias("programme.targets")]
public sealed record ProgrammeTargets
{
    [Id(0)] public decimal Coverage { get; init; } = 1.0m;
    /// <summary>Projects implemented in the year (2022: 230).</summary>
    [Id(1)] public int ProjectsThisYear { get; init; }
    /// <summary>Total investment of the year's projects (2022: 320 亿).</summary>
    [Id(2)] public decimal InvestmentThisYear { get; init; }
    /// <summary>Investment completed within the year (2022: ≥ 150 亿).</summary>
    [Id(3)] public decimal CompletedThisYear { get; init; }
    /// <summary>Industrial enterprises brought onto the cloud (2022: 200), and SMEs led onto it (300).</summary>
    [Id(4)] public int CloudIndustrial { get; init; }
    [Id(5)] public int CloudSme { get; init; }
    /// <summary>Above-scale firms completing digital transformation (2022: 100), and SMEs (200).</summary>
    [Id(6)] public int DigitalAboveScale { get; init; }
    [Id(7)] public int DigitalSme { get; init; }
    /// <summary>New smart factories and smart workshops (2022: 10) and green factories (5).</summary>
    [Id(8)] public int SmartCertifications { get; init; }
    [Id(9)] public int GreenCertifications { get; init; }
    /// <summary>Industrial-internet platform: registered users (≥ 1,500), digital via platform (≥ 30), cloud via platform (≥ 100).</summary>
    [Id(10)] public int PlatformUsers { get; init; }
    [Id(11)] public int PlatformDigital { get; init; }
    [Id(12)] public int PlatformCloud { get; init; }
    /// <summary>The month by which every above-scale firm must be covered (full coverage within 3 years).</summary>
    [Id(13)] public YearMonth? FullCoverageBy { get; init; }
}
