namespace Programme.Grants;

/// <summary>An objection (异议) to an application on the public notice, while its window is open: who raised it and why.</summary>
[GenerateSerializer, Immutable]
public sealed record RaiseObjection([property: Id(0)] int ApplicationId, [property: Id(1)] string? Objector, [property: Id(2)] string? Reason);
