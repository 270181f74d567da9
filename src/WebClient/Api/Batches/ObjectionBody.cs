namespace Programme.Web.Api.Batches;

/// <summary>An objection during the public notice: who raised it (optional) and the reason (required).</summary>
public sealed record ObjectionBody(string? Objector, string? Reason);
