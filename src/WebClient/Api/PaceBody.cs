namespace Programme.Web.Api;

/// <summary>Wall-clock milliseconds per simulated month (0: as fast as possible).</summary>
public sealed record PaceBody(int Milliseconds);
