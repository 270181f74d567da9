using Programme.Grants;

namespace Programme.Web.Api.Batches;

/// <summary>
/// POST /api/batches: <c>id</c> (e.g. "2023-1"), the call's name, its window ("YYYY-MM"), the project kinds it funds, its
/// classes — <c>subsidy</c> { rate 0–1, cap } and/or <c>rewards</c> { result: amount } — and <c>budget</c> (yuan; null = uncapped).
/// </summary>
public sealed record CreateBatchBody(
    string? Id,
    string? Name,
    string? WindowFrom,
    string? WindowTo,
    string[]? Kinds,
    SubsidyTerms? Subsidy,
    Dictionary<string, decimal?>? Rewards,
    decimal? Budget,
    string? Reference,
    string[]? Themes = null,
    SubsidyTerms? MachineReplacesLabour = null);
