using Programme.Grants;

namespace Programme.Grains.Grants;

[GenerateSerializer, Alias("programme.batch-catalogue-state")]
public sealed class BatchCatalogueState
{
    [Id(0)] public List<BatchListing> Batches { get; set; } = [];
}
