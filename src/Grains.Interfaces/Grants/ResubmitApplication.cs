namespace Programme.Grants;

/// <summary>Send a returned application back in, after the firm revised it; its amounts are worked out again from the project.</summary>
[GenerateSerializer, Immutable]
public sealed record ResubmitApplication([property: Id(0)] int ApplicationId, [property: Id(1)] string? Note);
