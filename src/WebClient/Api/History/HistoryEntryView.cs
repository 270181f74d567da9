namespace Programme.Web.Api.History;

/// <summary>
/// One change of a firm as the views and API clients read it: the stored audit entry plus the names people need —
/// the operator's display name, the firm's name and, for grant fields, the funding batch's name.
/// </summary>
public sealed record HistoryEntryView
{
    public long Version { get; init; }
    public DateTimeOffset At { get; init; }
    /// <summary>The operator's user name (for API clients; views show <see cref="ActorName"/>).</summary>
    public required string Actor { get; init; }
    public required string ActorName { get; init; }
    /// <summary>web (a signed-in page), import (a monthly report file), api (an API client), seed, grants, import-rollback.</summary>
    public required string Via { get; init; }
    public string? Source { get; init; }
    public required string Action { get; init; }
    public string? EnterpriseId { get; init; }
    public string? EnterpriseName { get; init; }
    public IReadOnlyList<HistoryChangeView> Changes { get; init; } = [];
}

/// <summary>
/// One field before → after, as stored (yuan, codes, months); <see cref="Project"/> names the project a project or grant
/// field is about, <see cref="Batch"/> a grant field's funding batch.
/// </summary>
public sealed record HistoryChangeView(string Field, string? Before, string? After, string? Project = null, string? Batch = null);
