namespace Programme.Domain;

/// <summary>A grant from the special fund awarded to one of the firm's projects in a funding batch.</summary>
[GenerateSerializer, Immutable, Alias("programme.grant-received")]
public sealed record GrantReceived
{
    [Id(0)] public required string BatchId { get; init; }
    [Id(1)] public required string ProjectId { get; init; }
    [Id(2)] public GrantClass Class { get; init; }
    [Id(3)] public decimal Awarded { get; init; }
    [Id(4)] public decimal Disbursed { get; init; }
    [Id(5)] public YearMonth AwardedMonth { get; init; }
}
