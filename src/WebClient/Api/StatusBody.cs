namespace Programme.Web.Api;

/// <summary>Request body of an enterprise route whose ids come from the route.</summary>
public sealed record StatusBody(string? Status);
