using Programme.Domain;

namespace Programme.Grants;

/// <summary>Which applications of a batch to list, and which page. Null criteria match everything.</summary>
[GenerateSerializer, Immutable]
public sealed record ApplicationFilter
{
    [Id(0)] public ReviewStage? Stage { get; init; }
    [Id(1)] public string? CountyId { get; init; }
    [Id(2)] public GrantClass? Class { get; init; }
    [Id(3)] public ApplicationStatus? Status { get; init; }
    /// <summary>Only applications published on the public notice and not declined or sent back since (公示名单).</summary>
    [Id(4)] public bool NoticeList { get; init; }
    [Id(5)] public string? EnterpriseId { get; init; }
    [Id(6)] public int Skip { get; init; }
    [Id(7)] public int Take { get; init; } = 100;
}
