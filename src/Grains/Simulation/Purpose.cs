namespace Programme.Grains.Simulation;

/// <summary>What a draw is for; part of its counter so two decisions never share a number.</summary>
public enum Purpose : byte
{
    Start = 1, Kind, Size, Duration, ApplySubsidy, ApplyReward, Review, Certify, Revive, Digital, Cloud,
    Productivity, Emissions, Cost,
}
