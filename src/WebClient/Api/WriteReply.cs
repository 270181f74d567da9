namespace Programme.Web.Api;

/// <summary>The answer of an enterprise write that creates nothing: <c>{ version, changed }</c> (CONTRACT.md).</summary>
public sealed record WriteReply(long Version, bool Changed);
