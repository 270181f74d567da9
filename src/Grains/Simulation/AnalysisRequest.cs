namespace Programme.Grains.Simulation;

/// <summary>
/// The body of POST /api/analyses: a base scenario (the fields of a scenario request; a live fork is not allowed), a
/// sensitivity analysis and a policy sweep. Either part may be left out, not both.
/// </summary>
public sealed class AnalysisRequest
{
    public ScenarioRequest? Scenario { get; set; }
    public SensitivityRequest? Sensitivity { get; set; }
    public SweepRequest? Sweep { get; set; }
}

public sealed class SensitivityRequest
{
    /// <summary>Behaviour parameters to vary (default: all of <c>BehaviourParameters.Names</c>).</summary>
    public string[]? Parameters { get; set; }
    /// <summary>One-at-a-time range: each parameter at default × (1 − range) and × (1 + range); default 0.2.</summary>
    public double? Range { get; set; }
    /// <summary>Morris trajectories (default 4; 0 = one-at-a-time only).</summary>
    public int? Trajectories { get; set; }
    /// <summary>Morris grid levels (even, default 4).</summary>
    public int? Levels { get; set; }
}

public sealed class SweepRequest
{
    public decimal[]? SubsidyRates { get; set; }
    /// <summary>Yuan.</summary>
    public decimal[]? ProjectCaps { get; set; }
    /// <summary>Yuan a year.</summary>
    public decimal[]? AnnualFunds { get; set; }
    /// <summary>"grid" (default: every combination) or "lhs" (Latin hypercube of <see cref="Points"/> over the listed ranges).</summary>
    public string? Design { get; set; }
    public int? Points { get; set; }
    public bool? FundCapped { get; set; }
}
