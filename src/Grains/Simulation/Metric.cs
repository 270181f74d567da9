namespace Programme.Grains.Simulation;

/// <summary>
/// The level counters a shard keeps per county (integers: counts and yuan), reported as they stand at each month's end.
/// The first <see cref="CountyCount"/> are also reported per county.
/// </summary>
public static class Metric
{
    public const int AboveScale = 0, Covered = 1, Projects = 2, TotalInvestment = 3, InvestmentCompleted = 4, GrantsAwarded = 5;
    public const int CountyCount = 6;
    public const int BelowScaleProjects = 6, BelowScaleInvestment = 7, Revived = 8, Idle = 9, Certifications = 10;
    public const int CompletedProjects = 11, ProductivityBp = 12, EmissionsBp = 13, CostBp = 14;
    public const int SubsidyApplications = 15, SubsidyRequested = 16, SubsidyAwards = 17, SubsidyAwarded = 18;
    public const int RewardApplications = 19, RewardRequested = 20, RewardAwards = 21, RewardAwarded = 22;
    public const int FundedInvestment = 23, Digital = 24, Cloud = 25, Intelligent = 26, Green = 27, Technical = 28;
    public const int GreenCertifications = 29, SmartCertifications = 30;
    /// <summary>Applications passing review stage k (cumulative), k = 0 … 6 (<see cref="ReviewStages"/>).</summary>
    public const int StagePassed = 31;
    /// <summary>Above-scale projects completed (a level, the starting registry's included).</summary>
    public const int AboveScaleCompleted = StagePassed + 7;
    public const int Count = AboveScaleCompleted + 1;
}
