namespace Programme.Aggregation;

/// <summary>
/// What one enterprise adds to its county's totals in the programme year — or, summed, what a county adds to the city.
/// Counts are integers, money is yuan. Sums and differences are exact (decimal), so totals never drift.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Contribution
{
    public const int Months = 12;
    /// <summary>Twelve zeros, shared by every firm with no investment in the programme year (never written to).</summary>
    public static readonly decimal[] NoMonths = new decimal[Months];
    public static readonly Contribution Zero = new();

    [Id(0)] public int Enterprises { get; init; }
    [Id(1)] public int AboveScale { get; init; }
    [Id(2)] public int Covered { get; init; }
    [Id(3)] public int BelowScaleEnterprises { get; init; }
    [Id(4)] public int BelowScaleProjects { get; init; }
    /// <summary>Projects of above-scale firms (not cancelled), all years.</summary>
    [Id(5)] public int Projects { get; init; }
    [Id(6)] public int ProjectsThisYear { get; init; }
    [Id(7)] public int Intelligent { get; init; }
    [Id(8)] public int Green { get; init; }
    [Id(9)] public int Technical { get; init; }
    [Id(10)] public decimal TotalInvestment { get; init; }
    [Id(11)] public decimal Completed { get; init; }
    [Id(12)] public decimal PlannedThisYear { get; init; }
    /// <summary>Total investment of the projects active in the programme year.</summary>
    [Id(13)] public decimal InvestmentThisYear { get; init; }
    [Id(14)] public decimal CompletedThisYear { get; init; }
    /// <summary>Investment completed in each month of the programme year (index 0 = January).</summary>
    [Id(15)] public decimal[] CompletedByMonth { get; init; } = NoMonths;
    [Id(16)] public int CloudThisYear { get; init; }
    [Id(17)] public int CloudTotal { get; init; }
    [Id(18)] public int DigitalThisYear { get; init; }
    [Id(19)] public int DigitalTotal { get; init; }
    [Id(20)] public int SmartCertificationsThisYear { get; init; }
    [Id(21)] public int GreenCertificationsThisYear { get; init; }
    [Id(22)] public int Certifications { get; init; }
    [Id(23)] public decimal GrantsAwarded { get; init; }
    [Id(24)] public decimal GrantsDisbursed { get; init; }
    [Id(25)] public int GrantedProjects { get; init; }
    [Id(26)] public int Halted { get; init; }
    [Id(27)] public int SemiHalted { get; init; }
    [Id(28)] public int Revived { get; init; }
    /// <summary>Projects of above-scale firms that completed within the programme year.</summary>
    [Id(29)] public int CompletedProjectsThisYear { get; init; }
    /// <summary>Above-scale firms that entered the list in the programme year (新入规), and those of them covered.</summary>
    [Id(30)] public int NewlyAboveScale { get; init; }
    [Id(31)] public int CoveredNewlyAboveScale { get; init; }
    /// <summary>
    /// The project database (项目库) of above-scale firms: projects entered (入库, not left), awaiting review, left (出库), key
    /// projects (重点项目); those planned to start in the programme year and those of them started (开工率 = started / planned).
    /// </summary>
    [Id(32)] public int DatabaseEntered { get; init; }
    [Id(33)] public int DatabasePending { get; init; }
    [Id(34)] public int DatabaseExited { get; init; }
    [Id(35)] public int KeyProjects { get; init; }
    [Id(36)] public int PlannedStartThisYear { get; init; }
    [Id(37)] public int StartedThisYear { get; init; }
    /// <summary>Monthly scheduling (月调度) of the reporting month: projects due to report it, and those that have.</summary>
    [Id(38)] public int ScheduleDue { get; init; }
    [Id(39)] public int ScheduleReported { get; init; }
    /// <summary>Below-scale firms (SMEs, 中小企业) onto the cloud and through digital transformation in the programme year.</summary>
    [Id(40)] public int CloudSmeThisYear { get; init; }
    [Id(41)] public int DigitalSmeThisYear { get; init; }
}
