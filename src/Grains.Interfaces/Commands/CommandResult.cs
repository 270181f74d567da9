namespace Programme.Commands;

[GenerateSerializer, Immutable]
public sealed record CommandResult
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    [Id(0)] public CommandOutcome Outcome { get; init; }
    /// <summary>The enterprise's version after the command (unchanged when rejected).</summary>
    [Id(1)] public long Version { get; init; }
    [Id(2)] public IReadOnlyDictionary<string, string[]> Errors { get; init; } = NoErrors;
    /// <summary>Id of what the command created (a project), if anything.</summary>
    [Id(3)] public string? CreatedId { get; init; }
    /// <summary>True when the command created the enterprise itself.</summary>
    [Id(4)] public bool Created { get; init; }

    public bool Succeeded => Outcome is CommandOutcome.Accepted or CommandOutcome.Unchanged;

    public static CommandResult Invalid(long version, IReadOnlyDictionary<string, string[]> errors) =>
        new() { Outcome = CommandOutcome.Invalid, Version = version, Errors = errors };

    public static CommandResult Invalid(long version, string field, string message) =>
        Invalid(version, new Dictionary<string, string[]> { [field] = [message] });
}
