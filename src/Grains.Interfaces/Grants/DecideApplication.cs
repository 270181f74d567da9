namespace Programme.Grants;

/// <summary>
/// A decision at a stage. <c>Stage</c> names the stage the reviewer saw, so a decision taken on a stale screen is refused.
/// <c>Amount</c> (approve) lowers the amount the application stands at; <c>Score</c> (0–100) is required when the expert
/// panel approves; <c>ReturnTo</c> (return) is the stage it re-enters at after revision, the first stage if omitted.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record DecideApplication(
    [property: Id(0)] int ApplicationId,
    [property: Id(1)] string? Stage,
    [property: Id(2)] string? Decision,
    [property: Id(3)] string? Note,
    [property: Id(4)] decimal? Amount = null,
    [property: Id(5)] decimal? Score = null,
    [property: Id(6)] string? ReturnTo = null);
