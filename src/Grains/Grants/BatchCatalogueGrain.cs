using Programme.Grants;

namespace Programme.Grains.Grants;

/// <summary>The list of funding batches: a handful a year, so one grain holds them all.</summary>
public sealed class BatchCatalogueGrain(
    [PersistentState("batch-catalogue", StorageNames.Programme)] IPersistentState<BatchCatalogueState> state) : Grain, IBatchCatalogueGrain
{
    public async Task Register(BatchListing listing)
    {
        var batches = state.State.Batches;
        var at = batches.FindIndex(b => b.Id == listing.Id);
        if (at >= 0 && batches[at] == listing) return;
        if (at >= 0) batches[at] = listing;
        else batches.Add(listing);
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<BatchListing>> List() =>
        Task.FromResult<IReadOnlyList<BatchListing>>([.. state.State.Batches.OrderByDescending(b => b.CreatedAt).ThenBy(b => b.Id)]);
}
