namespace Programme.Grants;

/// <summary>Award the applications waiting at the award stage: the ones listed, or all of them when none are listed.</summary>
[GenerateSerializer, Immutable]
public sealed record AwardApplications([property: Id(0)] int[]? ApplicationIds, [property: Id(1)] string? Note);
