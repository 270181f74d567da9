namespace Programme.Commands;

/// <summary>The investment completed in one month of a project; reporting the same month again replaces it.</summary>
[GenerateSerializer, Immutable]
public sealed record ReportProgress(
    [property: Id(0)] string ProjectId,
    [property: Id(1)] string? Month,
    [property: Id(2)] decimal? Invested);
