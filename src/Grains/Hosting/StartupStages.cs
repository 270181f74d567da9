using Orleans.Runtime;

namespace Programme.Grains.Hosting;

/// <summary>Marks each silo lifecycle stage as it begins in the <see cref="StartupTimeline"/> (only registered while it is on).</summary>
public sealed class StartupStages : ILifecycleParticipant<ISiloLifecycle>
{
    private static readonly (string Name, int Stage)[] Stages =
    [
        ("First", ServiceLifecycleStage.First + 1),
        ("RuntimeInitialize", ServiceLifecycleStage.RuntimeInitialize),
        ("RuntimeServices", ServiceLifecycleStage.RuntimeServices),
        ("RuntimeStorageServices", ServiceLifecycleStage.RuntimeStorageServices),
        ("RuntimeGrainServices", ServiceLifecycleStage.RuntimeGrainServices),
        ("AfterRuntimeGrainServices", ServiceLifecycleStage.AfterRuntimeGrainServices),
        ("ApplicationServices", ServiceLifecycleStage.ApplicationServices),
        ("BecomeActive", ServiceLifecycleStage.BecomeActive),
        ("Active", ServiceLifecycleStage.Active),
        ("Last", ServiceLifecycleStage.Last - 1),
    ];

    public void Participate(ISiloLifecycle lifecycle)
    {
        foreach (var (name, stage) in Stages)
            lifecycle.Subscribe(nameof(StartupStages), stage, _ =>
            {
                StartupTimeline.Mark($"silo stage {name} begins");
                return Task.CompletedTask;
            });
    }
}
