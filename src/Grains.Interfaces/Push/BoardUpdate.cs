namespace Programme.Push;

/// <summary>A new snapshot of one board scope ("city", "county:lingbao", …), stamped when the grain produced it.</summary>
[GenerateSerializer, Immutable]
public sealed record BoardUpdate(
    [property: Id(0)] string Scope,
    [property: Id(1)] long Version,
    [property: Id(2)] object Snapshot,
    [property: Id(3)] DateTimeOffset ProducedAt);
