namespace Programme.Grains.Grants;

[GenerateSerializer, Alias("programme.funding-batch-state")]
public sealed class FundingBatchState
{
    [Id(0)] public FundingBatch? Current { get; set; }
    /// <summary>The newest keyed requests (Idempotency-Key), oldest first, written in the same row as the change they made.</summary>
    [Id(1)] public KeyedRequest[] Requests { get; set; } = [];
}
