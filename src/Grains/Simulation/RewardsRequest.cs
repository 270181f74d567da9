namespace Programme.Grains.Simulation;

/// <summary>Reward-class amounts by result in a scenario request (yuan); a missing one keeps its default.</summary>
public sealed class RewardsRequest
{
    public decimal? SmartFactory { get; set; }
    public decimal? SmartWorkshop { get; set; }
    public decimal? GreenFactory { get; set; }
    public decimal? SmartManufacturingBenchmark { get; set; }
    public decimal? MachineReplacesLabour { get; set; }
}
