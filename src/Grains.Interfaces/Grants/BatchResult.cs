namespace Programme.Grants;

/// <summary>What a batch command did. Errors name fields, as a problem+json "errors" object does.</summary>
[GenerateSerializer, Immutable]
public sealed record BatchResult
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    [Id(0)] public BatchOutcome Outcome { get; init; }
    [Id(1)] public long Version { get; init; }
    [Id(2)] public IReadOnlyDictionary<string, string[]> Errors { get; init; } = NoErrors;
    /// <summary>The application created or acted on, where there is one.</summary>
    [Id(3)] public int? ApplicationId { get; init; }
    /// <summary>For Forbidden, Conflict and NotFound: what was wrong, in a sentence.</summary>
    [Id(4)] public string? Detail { get; init; }
    /// <summary>The applications a bulk command acted on.</summary>
    [Id(5)] public int[] Affected { get; init; } = [];

    /// <summary>True when this is the stored answer to an earlier request with the same idempotency key: nothing was done now.</summary>
    [Id(6)] public bool Replayed { get; init; }

    public bool Succeeded => Outcome is BatchOutcome.Accepted or BatchOutcome.Unchanged;

    public static BatchResult Invalid(long version, string field, string message) =>
        new() { Outcome = BatchOutcome.Invalid, Version = version, Errors = new Dictionary<string, string[]> { [field] = [message] } };

    public static BatchResult Conflict(long version, string field, string message) =>
        new() { Outcome = BatchOutcome.Conflict, Version = version, Detail = message, Errors = new Dictionary<string, string[]> { [field] = [message] } };

    public static BatchResult Forbidden(long version, string detail) => new() { Outcome = BatchOutcome.Forbidden, Version = version, Detail = detail };

    public static BatchResult NotFound(long version, string detail) => new() { Outcome = BatchOutcome.NotFound, Version = version, Detail = detail };
}
