using Orleans.Concurrency;
using Programme.Simulation;

namespace Programme.Grains.Simulation;

/// <summary>Evaluates one scenario of an analysis (stateless: as many activations per silo as it has cores).</summary>
[StatelessWorker]
public sealed class AnalysisWorkerGrain : Grain, IAnalysisWorkerGrain
{
    public Task<AnalysisPoint> Evaluate(ScenarioDefinition definition) => AnalysisRunner.Evaluate(definition);
}
