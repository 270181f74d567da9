namespace Programme.Boards;

/// <summary>Cloud adoption or digital transformation: this programme year against its target, and all to date.</summary>
[GenerateSerializer, Immutable]
public sealed record BoardMilestones([property: Id(0)] int ThisYear, [property: Id(1)] int Target, [property: Id(2)] int Total);
