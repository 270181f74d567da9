namespace Programme.Simulation;

/// <summary>
/// One analysis, keyed by its cache key (model version + a hash of the validated request): the same request always lands
/// on the same grain, which answers from its stored results once it has them.
/// </summary>
public interface IAnalysisGrain : IGrainWithStringKey
{
    /// <summary>Starts the analysis unless this key already has one (running or done); answers its view.</summary>
    Task<AnalysisView> Start(AnalysisDefinition definition);

    [AlwaysInterleave]
    Task<AnalysisView?> Get();
}
