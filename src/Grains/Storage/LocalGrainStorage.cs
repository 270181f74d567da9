using System.Collections.Concurrent;
using System.Globalization;
using Orleans.Serialization;
using Orleans.Storage;

namespace Programme.Grains.Storage;

/// <summary>
/// The zero-setup grain storage: each state kept in this process as an Orleans deep copy (so the grain's live, mutable
/// objects are never shared with the store, while its immutable records — the firm, its projects, audit entries — are
/// shared, not copied) with an ETag, and without the extra grain hop of Orleans's memory provider. It does not survive a
/// restart and is not shared between silos — a cluster uses PostgreSQL (whose tests restart every grain type).
/// </summary>
public sealed class LocalGrainStorage(DeepCopier copier) : IGrainStorage
{
    private readonly ConcurrentDictionary<(string State, GrainId Grain), (object Data, long ETag)> _store = new();

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_store.TryGetValue((stateName, grainId), out var held))
        {
            grainState.State = copier.Copy((T)held.Data);
            grainState.ETag = held.ETag.ToString(CultureInfo.InvariantCulture);
            grainState.RecordExists = true;
        }
        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = (stateName, grainId);
        object data = copier.Copy(grainState.State)!;
        while (true)
        {
            if (_store.TryGetValue(key, out var held))
            {
                Check(grainState.ETag, held.ETag, stateName, grainId);
                if (!_store.TryUpdate(key, (data, held.ETag + 1), held)) continue;
                grainState.ETag = (held.ETag + 1).ToString(CultureInfo.InvariantCulture);
            }
            else
            {
                if (grainState.ETag is not null) throw new InconsistentStateException($"{stateName} of {grainId} was cleared by someone else", "none", grainState.ETag);
                if (!_store.TryAdd(key, (data, 1))) continue;
                grainState.ETag = "1";
            }
            grainState.RecordExists = true;
            return Task.CompletedTask;
        }
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_store.TryGetValue((stateName, grainId), out var held)) Check(grainState.ETag, held.ETag, stateName, grainId);
        _store.TryRemove((stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private static void Check(string? expected, long actual, string stateName, GrainId grainId)
    {
        var held = actual.ToString(CultureInfo.InvariantCulture);
        if (expected != held) throw new InconsistentStateException($"{stateName} of {grainId} was written by someone else", held, expected ?? "none");
    }
}
