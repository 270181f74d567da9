namespace Programme.Domain;

/// <summary>One field's change in an audit entry, as text: "projects/p1/monthly/2022-03": "0" → "1200000".</summary>
[GenerateSerializer, Immutable]
public sealed record FieldChange([property: Id(0)] string Field, [property: Id(1)] string? Before, [property: Id(2)] string? After);
