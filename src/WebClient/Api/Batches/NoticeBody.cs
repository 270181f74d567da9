namespace Programme.Web.Api.Batches;

/// <summary>Publish the public notice: its objection window closes at <c>until</c> (ISO 8601 with offset).</summary>
public sealed record NoticeBody(DateTimeOffset? Until, string? Note);
