using Programme.Grants;

namespace Programme.Web.Api.Batches;

/// <summary>One history line as the API shows it: the entry, whether a later return or objection voided it, and the actor's display name.</summary>
public sealed record HistoryView(
    DateTimeOffset At, string Actor, string Role, HistoryAction Action, ReviewStage Stage, string? Note, decimal? Amount,
    decimal? Score, ReviewStage? ReturnTo, DateTimeOffset? Until, bool Voided, string? ActorName = null);
