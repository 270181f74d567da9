namespace Programme.Commands;

/// <summary>Record (or, with a null month, clear) when the firm went onto the cloud or completed its digital transformation.</summary>
[GenerateSerializer, Immutable]
public sealed record SetMilestone([property: Id(0)] Milestone Milestone, [property: Id(1)] string? Month);
