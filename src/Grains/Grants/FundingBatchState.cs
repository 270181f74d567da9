namespace Programme.Grains.Grants;

[GenerateSerializer]
public sealed class FundingBatchState
{
    [Id(0)] public FundingBatch? Current { get; set; }
}
