namespace Programme.Grains.Simulation;

/// <summary>
/// Reward-class amounts by certification result in a scenario request (yuan); a missing one keeps its default.
/// <see cref="MachineReplacesLabour"/> is the old fixed amount: a request that sets it is refused with a pointer to
/// <c>policy.machineReplacesLabourRatio</c> (support is a ratio of the eligible equipment investment now).
/// </summary>
public sealed class RewardsRequest
{
    public decimal? SmartFactory { get; set; }
    public decimal? SmartWorkshop { get; set; }
    public decimal? GreenFactory { get; set; }
    public decimal? SmartManufacturingBenchmark { get; set; }
    public decimal? MachineReplacesLabour { get; set; }
}
