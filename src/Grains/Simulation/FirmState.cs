using Programme.Domain;

namespace Programme.Grains.Simulation;

/// <summary>What changes about a firm in one arm and run: a dozen bytes, so a shard holds hundreds of thousands.</summary>
public struct FirmState
{
    /// <summary>Projects underway or completed (scheduled ones not yet).</summary>
    public int Projects;
    public OperatingStatus Status;
    public byte GreenLevel, SmartLevel;
    public bool Digital, Cloud;
    /// <summary>Reward-class results gained since the last batch call, one bit per <see cref="Programme.Grants.RewardResult"/>.</summary>
    public byte Results;
}
