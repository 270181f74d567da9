namespace Programme.Grants;

[GenerateSerializer, Immutable]
public sealed record ApplicationPage([property: Id(0)] int Total, [property: Id(1)] IReadOnlyList<GrantApplication> Items);
