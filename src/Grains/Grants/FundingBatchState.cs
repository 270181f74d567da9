namespace Programme.Grains.Grants;

[GenerateSerializer, Alias("programme.funding-batch-state")]
public sealed class FundingBatchState
{
    [Id(0)] public FundingBatch? Current { get; set; }
}
