namespace Programme.Web.Api.Batches;

/// <summary>A note for the application's history.</summary>
public sealed record NoteBody(string? Note);
