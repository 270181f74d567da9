namespace Programme.Boards;

[GenerateSerializer, Immutable]
public sealed record BoardTargets
{
    [Id(0)] public decimal Coverage { get; init; }
    [Id(1)] public int ProjectsThisYear { get; init; }
    [Id(2)] public decimal InvestmentThisYear { get; init; }
    [Id(3)] public decimal CompletedThisYear { get; init; }
    [Id(4)] public int CloudIndustrial { get; init; }
    [Id(5)] public int CloudSme { get; init; }
    [Id(6)] public int DigitalAboveScale { get; init; }
    [Id(7)] public int DigitalSme { get; init; }
    [Id(8)] public int SmartCertifications { get; init; }
    [Id(9)] public int GreenCertifications { get; init; }
    [Id(10)] public string? FullCoverageBy { get; init; }
    /// <summary>Industrial-internet platform: registered enterprise users (≥ 1,500), digital transformations (≥ 30) and cloud adoptions (≥ 100) it drives.</summary>
    [Id(11)] public int PlatformUsers { get; init; }
    [Id(12)] public int PlatformDigital { get; init; }
    [Id(13)] public int PlatformCloud { get; init; }
}
