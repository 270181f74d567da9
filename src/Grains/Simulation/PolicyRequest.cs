namespace Programme.Grains.Simulation;

/// <summary>The policy levers of a scenario request; a missing one keeps its default (<see cref="Programme.Simulation.PolicySettings"/>).</summary>
public sealed class PolicyRequest
{
    public decimal? SubsidyRate { get; set; }
    public decimal? ProjectCap { get; set; }
    public decimal? AnnualFund { get; set; }
    public bool? FundCapped { get; set; }
    /// <summary>One amount for every reward result (shorthand); <see cref="Rewards"/> sets them one by one.</summary>
    public decimal? RewardAmount { get; set; }
    public RewardsRequest? Rewards { get; set; }
    public int[]? BatchMonths { get; set; }
    public decimal? SubsidyPassRate { get; set; }
    public decimal? RewardPassRate { get; set; }
    public decimal? CountyPush { get; set; }
    public string? CountyPushFrom { get; set; }
}
