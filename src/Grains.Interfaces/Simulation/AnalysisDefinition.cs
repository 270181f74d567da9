namespace Programme.Simulation;

/// <summary>
/// A validated analysis: a base scenario (registry or synthetic population, never a live fork: its answer must depend on
/// the request alone, so that it can be cached), a sensitivity analysis over behaviour parameters and a sweep over policy
/// levers. Every evaluation is one scenario of the base with its own no-subsidy twin on common random numbers.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AnalysisDefinition
{
    [Id(0)] public required ScenarioDefinition Base { get; init; }
    [Id(1)] public SensitivitySpec? Sensitivity { get; init; }
    [Id(2)] public SweepSpec? Sweep { get; init; }
    /// <summary>The model version the answer belongs to (part of the cache key).</summary>
    [Id(3)] public required string ModelVersion { get; init; }
}

/// <summary>One-at-a-time ranges (each parameter at default × (1 ± range)) and Morris elementary effects over the same box.</summary>
[GenerateSerializer, Immutable]
public sealed record SensitivitySpec
{
    [Id(0)] public required string[] Parameters { get; init; }
    [Id(1)] public double Range { get; init; } = 0.2;
    [Id(2)] public int Trajectories { get; init; } = 4;
    [Id(3)] public int Levels { get; init; } = 4;
}

/// <summary>A sweep over subsidy rate × project cap × annual fund: a full grid of the listed values, or a Latin hypercube of <see cref="Points"/> over their ranges.</summary>
[GenerateSerializer, Immutable]
public sealed record SweepSpec
{
    [Id(0)] public required decimal[] SubsidyRates { get; init; }
    [Id(1)] public required decimal[] ProjectCaps { get; init; }
    [Id(2)] public required decimal[] AnnualFunds { get; init; }
    /// <summary>"grid" or "lhs".</summary>
    [Id(3)] public string Design { get; init; } = "grid";
    [Id(4)] public int Points { get; init; }
    /// <summary>Whether the annual fund caps awards (without it the fund lever changes nothing).</summary>
    [Id(5)] public bool FundCapped { get; init; } = true;
}

/// <summary>What one evaluation gives (means over runs, at the deadline).</summary>
[GenerateSerializer, Immutable]
public sealed record AnalysisPoint
{
    [Id(0)] public decimal CoverageAtDeadline { get; init; }
    [Id(1)] public decimal ProbabilityFullCoverage { get; init; }
    [Id(2)] public decimal AdditionalCovered { get; init; }
    [Id(3)] public decimal Grants { get; init; }
    [Id(4)] public decimal? CostPerNewlyCoveredFirm { get; init; }
    [Id(5)] public decimal InvestmentCompleted { get; init; }
    [Id(6)] public decimal AdditionalInvestmentCompleted { get; init; }
}

/// <summary>One parameter's one-at-a-time range and Morris screening, for each output.</summary>
[GenerateSerializer, Immutable]
public sealed record ParameterSensitivity
{
    [Id(0)] public required string Parameter { get; init; }
    [Id(1)] public double Default { get; init; }
    [Id(2)] public double Low { get; init; }
    [Id(3)] public double High { get; init; }
    [Id(4)] public required AnalysisPoint AtLow { get; init; }
    [Id(5)] public required AnalysisPoint AtHigh { get; init; }
    /// <summary>Morris μ* (mean absolute elementary effect over the unit box) per output name.</summary>
    [Id(6)] public required Dictionary<string, decimal> MorrisMuStar { get; init; }
    /// <summary>Morris σ (spread of the elementary effects: interactions and non-linearity) per output name.</summary>
    [Id(7)] public required Dictionary<string, decimal> MorrisSigma { get; init; }
}

[GenerateSerializer, Immutable]
public sealed record SweepResult
{
    [Id(0)] public decimal SubsidyRate { get; init; }
    [Id(1)] public decimal ProjectCap { get; init; }
    [Id(2)] public decimal AnnualFund { get; init; }
    [Id(3)] public required AnalysisPoint Result { get; init; }
    /// <summary>On the cost–coverage frontier: no other point has higher coverage for no more grants.</summary>
    [Id(4)] public bool Frontier { get; init; }
}

[GenerateSerializer, Immutable]
public sealed record AnalysisResults
{
    [Id(0)] public required AnalysisPoint Base { get; init; }
    [Id(1)] public ParameterSensitivity[] Sensitivity { get; init; } = [];
    [Id(2)] public SweepResult[] Sweep { get; init; } = [];
    [Id(3)] public int Evaluations { get; init; }
    [Id(4)] public required string JudgedAt { get; init; }
    public static readonly string[] Outputs = ["coverageAtDeadline", "additionalCovered", "investmentCompleted"];
}

[GenerateSerializer, Immutable]
public sealed record AnalysisView
{
    [Id(0)] public required string Id { get; init; }
    /// <summary>running | completed | failed</summary>
    [Id(1)] public required string Status { get; init; }
    [Id(2)] public int Done { get; init; }
    [Id(3)] public int Total { get; init; }
    [Id(4)] public AnalysisResults? Results { get; init; }
    [Id(5)] public string? Error { get; init; }
    [Id(6)] public required AnalysisDefinition Request { get; init; }
    [Id(7)] public DateTimeOffset CreatedAt { get; init; }
    [Id(8)] public double ElapsedSeconds { get; init; }
}
