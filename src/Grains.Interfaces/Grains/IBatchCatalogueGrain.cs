using Programme.Grants;

namespace Programme.Grains;

/// <summary>The list of funding batches (one grain, key <see cref="GrainKeys.Batches"/>): written once per batch created.</summary>
public interface IBatchCatalogueGrain : IGrainWithStringKey
{
    Task Register(BatchListing listing);

    [AlwaysInterleave]
    Task<IReadOnlyList<BatchListing>> List();
}
