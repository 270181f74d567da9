using Programme.Simulation;

namespace Programme.Grains.Simulation;

/// <summary>
/// A block of a scenario's firms and runs, simulated many months per call (<see cref="ShardSimulator"/>). Not
/// persisted: it is working memory that the scenario rebuilds by replay if the activation is lost.
/// </summary>
public sealed class ScenarioShardGrain : Grain, IScenarioShardGrain
{
    private ShardSimulator? _simulator;

    public Task<ShardReport> Setup(ShardSetup setup)
    {
        _simulator = new ShardSimulator(setup);
        return Task.FromResult(_simulator.Initial());
    }

    public Task<ShardReport> Advance(ShardAdvance advance) =>
        _simulator is null
            ? throw new ShardLostException($"shard {this.GetPrimaryKeyString()} holds no firms (deactivated); the scenario replays")
            : Task.FromResult(_simulator.Advance(advance));

    public Task Release()
    {
        _simulator = null;
        this.DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
