using Programme.Domain;

namespace Programme.Commands;

/// <summary>A funding batch records an award or a disbursement against one of the firm's projects (idempotent per batch and project).</summary>
[GenerateSerializer, Immutable]
public sealed record RecordGrant(
    [property: Id(0)] string BatchId,
    [property: Id(1)] string ProjectId,
    [property: Id(2)] GrantClass Class,
    [property: Id(3)] decimal Awarded,
    [property: Id(4)] decimal Disbursed,
    [property: Id(5)] YearMonth AwardedMonth);
