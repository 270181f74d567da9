using Orleans.Storage;

namespace Programme.Tests.Fixtures;

/// <summary>
/// The in-process store with a switch: while <see cref="Failing"/> is set every write throws at once (synchronously, as
/// a store that completes in place would), so a test can see what a caller of a change whose write failed is told.
/// </summary>
public sealed class SwitchableStorage(IGrainStorage inner) : IGrainStorage
{
    public volatile bool Failing;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Failing ? throw new InvalidOperationException($"the test store refuses to write {stateName} of {grainId}") : inner.WriteStateAsync(stateName, grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(stateName, grainId, grainState);
}
