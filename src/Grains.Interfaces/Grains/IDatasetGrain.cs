namespace Programme.Grains;

/// <summary>Loads a named programme dataset (e.g. "sanmenxia-2022") into the grains exactly once, however often it is asked.</summary>
public interface IDatasetGrain : IGrainWithStringKey
{
    Task<DatasetStatus> EnsureLoaded();

    [AlwaysInterleave]
    Task<DatasetStatus> GetStatus();
}
