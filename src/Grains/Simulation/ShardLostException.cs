namespace Programme.Grains.Simulation;

/// <summary>A shard lost its working state (its activation was collected or its silo died): the scenario replays.</summary>
[GenerateSerializer]
public sealed class ShardLostException : Exception
{
    public ShardLostException() { }
    public ShardLostException(string message) : base(message) { }
    public ShardLostException(string message, Exception inner) : base(message, inner) { }
}
