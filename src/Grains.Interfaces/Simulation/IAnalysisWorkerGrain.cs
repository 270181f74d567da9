namespace Programme.Simulation;

/// <summary>Evaluates one scenario of an analysis wherever the cluster has room (stateless, one per silo core).</summary>
public interface IAnalysisWorkerGrain : IGrainWithIntegerKey
{
    Task<AnalysisPoint> Evaluate(ScenarioDefinition definition);
}
