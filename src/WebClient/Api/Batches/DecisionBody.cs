namespace Programme.Web.Api.Batches;

/// <summary>
/// A decision at a stage: <c>stage</c> the reviewer saw, <c>decision</c> approve | decline | return, a <c>note</c> (required
/// to decline or return), and for an approval optionally a lower <c>amount</c> and (expert panel) a <c>score</c> 0–100; for
/// a return, <c>returnTo</c>, the stage it re-enters at (default county-check).
/// </summary>
public sealed record DecisionBody(string? Stage, string? Decision, string? Note, decimal? Amount, decimal? Score, string? ReturnTo);
