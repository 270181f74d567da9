namespace Programme.Grains.Simulation;

/// <summary>The policy levers of a scenario request; a missing one keeps its default (<see cref="Programme.Simulation.PolicySettings"/>).</summary>
public sealed class PolicyRequest
{
    public decimal? SubsidyRate { get; set; }
    public decimal? ProjectCap { get; set; }
    public decimal? AnnualFund { get; set; }
    public bool? FundCapped { get; set; }
    /// <summary>One amount for every certification reward result (shorthand); <see cref="Rewards"/> sets them one by one.</summary>
    public decimal? RewardAmount { get; set; }
    public RewardsRequest? Rewards { get; set; }
    public int[]? BatchMonths { get; set; }
    public decimal? SubsidyPassRate { get; set; }
    public decimal? RewardPassRate { get; set; }
    public decimal? CountyPush { get; set; }
    public string? CountyPushFrom { get; set; }
    /// <summary>机器换人支持比例: a fraction 0–1 of the eligible equipment investment (default 0.10, batch 2022-1).</summary>
    public decimal? MachineReplacesLabourRatio { get; set; }
    /// <summary>Most machine-replaces-labour support per project, yuan (default 200,000).</summary>
    public decimal? MachineReplacesLabourCap { get; set; }
}
