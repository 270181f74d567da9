using Programme.Aggregation;

namespace Programme.Boards;

/// <summary>A page of a county's enterprise list, with the total that matched the filter.</summary>
[GenerateSerializer, Immutable]
public sealed record EnterprisePage(
    [property: Id(0)] int Total,
    [property: Id(1)] int Skip,
    [property: Id(2)] int Take,
    [property: Id(3)] IReadOnlyList<EnterpriseSummary> Items);
