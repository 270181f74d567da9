namespace Programme.Domain;

/// <summary>
/// One accepted change of an enterprise (留痕): who, when, through what (api, import with its file, seed, grants),
/// what it did and every field before → after. Appended with the change itself, in the same write; never edited.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AuditEntry
{
    [Id(0)] public long Version { get; init; }
    [Id(1)] public DateTimeOffset At { get; init; }
    [Id(2)] public required string Actor { get; init; }
    [Id(3)] public required string Via { get; init; }
    [Id(4)] public string? Source { get; init; }
    [Id(5)] public required string Action { get; init; }
    [Id(6)] public FieldChange[] Changes { get; init; } = [];
    [Id(7)] public string? EnterpriseId { get; init; }
}
