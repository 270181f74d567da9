namespace Programme.Grants;

/// <summary>Publish every application that passed the audit on the public notice, open to objections until <c>Until</c>.</summary>
[GenerateSerializer, Immutable]
public sealed record PublishNotice([property: Id(0)] DateTimeOffset? Until, [property: Id(1)] string? Note);
