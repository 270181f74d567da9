namespace Programme.Grains.Simulation;

/// <summary>A project a shard still follows: underway, scheduled, or completed and not yet past the next batch call.</summary>
public struct ActiveProject
{
    public int Firm;
    public ulong Key;
    public long Total, Invested, SinceCall;
    public int Start, End;
    public byte Kind;
    public bool Scheduled, Done, CompletedSinceCall, Granted;
    /// <summary>Underway when the simulation started: keeps its own pace (or, without one, spreads what is left evenly to its end).</summary>
    public bool Even;
    /// <summary>Its live monthly pace (yuan), 0 if it had none.</summary>
    public long Pace;
    /// <summary>Its eligible equipment investment (yuan), the base of machine-replaces-labour support (0: the assumed share).</summary>
    public long Equipment;
}
