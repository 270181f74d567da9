namespace Programme.Web.Api.Batches;

/// <summary>Award the listed applications waiting at the award stage, or all of them when <c>applicationIds</c> is empty.</summary>
public sealed record AwardBody(int[]? ApplicationIds, string? Note);
