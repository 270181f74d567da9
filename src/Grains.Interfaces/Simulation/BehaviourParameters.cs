namespace Programme.Simulation;

/// <summary>
/// The firms' behaviour parameters a sensitivity analysis may vary (docs/SIMULATION.md gives each one's source). The
/// defaults are the calibrated model; a scenario carries them so that a varied run is as reproducible as a default one.
/// Monthly chances are fractions; factors are multipliers of the calibrated value.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BehaviourParameters
{
    /// <summary>Calibrated: an active above-scale firm with no project starts one in a month with this chance.</summary>
    [Id(0)] public double FirstProject { get; init; } = 0.062;
    /// <summary>Calibrated: a covered above-scale firm starts a further project in a month with this chance.</summary>
    [Id(1)] public double FurtherProject { get; init; } = 0.023;
    /// <summary>Assumed: how much a project's expected grant share raises the chance it is started: × (1 + r × share).</summary>
    [Id(2)] public double GrantResponse { get; init; } = 6.0;
    /// <summary>Assumed: how much an expected certification reward (per 百万 yuan) raises the chance a project earns it.</summary>
    [Id(3)] public double CertificationResponse { get; init; } = 1.0;
    /// <summary>Fitted on batch 2022-1's 3.18 亿 window investment: chance a project with investment in a window applies.</summary>
    [Id(4)] public double ApplySubsidy { get; init; } = 0.056;
    /// <summary>Fitted on batch 2022-1's 510 万 reward-class asks: chance an intelligent project completed in the window applies for machine-replaces-labour.</summary>
    [Id(5)] public double ApplyReward { get; init; } = 0.2;
    /// <summary>Fitted on the same 510 万: chance a firm certified in the window applies for the certification's reward.</summary>
    [Id(6)] public double ApplyCertificationReward { get; init; } = 0.5;
    /// <summary>Calibrated: an idle firm whose project gets underway restarts with this chance.</summary>
    [Id(7)] public double Revive { get; init; } = 0.8;
    /// <summary>Seed-anchored: multiplier of every kind's mean project size.</summary>
    [Id(8)] public double SizeFactor { get; init; } = 1.0;
    /// <summary>Calibrated: multiplier of every kind's duration range.</summary>
    [Id(9)] public double DurationFactor { get; init; } = 1.0;
    /// <summary>Assumed: log-normal spread of a project's size.</summary>
    [Id(10)] public double InvestmentSigma { get; init; } = 0.8;
    /// <summary>Assumed: chance factor of halted firms (semi-halted firms sit half-way to 1).</summary>
    [Id(11)] public double HaltedFactor { get; init; } = 0.4;

    public static BehaviourParameters Default { get; } = new();

    /// <summary>The parameters a sensitivity analysis may vary, by their JSON name.</summary>
    public static readonly string[] Names =
    [
        "firstProject", "furtherProject", "grantResponse", "certificationResponse", "applySubsidy", "applyReward",
        "applyCertificationReward", "revive", "sizeFactor", "durationFactor", "investmentSigma", "haltedFactor",
    ];

    public double Get(string name) => name switch
    {
        "firstProject" => FirstProject, "furtherProject" => FurtherProject, "grantResponse" => GrantResponse,
        "certificationResponse" => CertificationResponse, "applySubsidy" => ApplySubsidy, "applyReward" => ApplyReward,
        "applyCertificationReward" => ApplyCertificationReward, "revive" => Revive, "sizeFactor" => SizeFactor,
        "durationFactor" => DurationFactor, "investmentSigma" => InvestmentSigma, "haltedFactor" => HaltedFactor,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a behaviour parameter"),
    };

    public BehaviourParameters With(string name, double value) => name switch
    {
        "firstProject" => this with { FirstProject = value }, "furtherProject" => this with { FurtherProject = value },
        "grantResponse" => this with { GrantResponse = value }, "certificationResponse" => this with { CertificationResponse = value },
        "applySubsidy" => this with { ApplySubsidy = value }, "applyReward" => this with { ApplyReward = value },
        "applyCertificationReward" => this with { ApplyCertificationReward = value }, "revive" => this with { Revive = value },
        "sizeFactor" => this with { SizeFactor = value }, "durationFactor" => this with { DurationFactor = value },
        "investmentSigma" => this with { InvestmentSigma = value }, "haltedFactor" => this with { HaltedFactor = value },
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a behaviour parameter"),
    };
}
