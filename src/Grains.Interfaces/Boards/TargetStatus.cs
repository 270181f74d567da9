namespace Programme.Boards;

/// <summary>Red/amber/green per target: flow targets are judged against calendar progress, coverage against its full target.</summary>
[GenerateSerializer, Immutable]
public sealed record TargetStatus(
    [property: Id(0)] string Coverage,
    [property: Id(1)] string ProjectsThisYear,
    [property: Id(2)] string CompletedThisYear,
    [property: Id(3)] string Cloud,
    [property: Id(4)] string Digital,
    [property: Id(5)] string Certifications);
