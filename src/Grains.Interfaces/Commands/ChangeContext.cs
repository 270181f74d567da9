namespace Programme.Commands;

/// <summary>
/// Who asks for a change, through what (api, import, seed, simulation), which version they saw (If-Match), and —
/// for a county agent — the one county they may touch; for an import, the file it came from. The grain checks the scope atomically with the change.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ChangeContext(
    [property: Id(0)] string Actor,
    [property: Id(1)] string Via,
    [property: Id(2)] long? ExpectedVersion = null,
    [property: Id(3)] string? CountyScope = null,
    [property: Id(4)] string? Source = null,
    [property: Id(5)] string? RequestKey = null,
    [property: Id(6)] string? RequestHash = null)
{
    // RequestKey: the client's Idempotency-Key (or a tranche id), RequestHash: a digest of the request it came with. A grain
    // that moves money answers a repeat of the key with the first result and changes nothing; a different request under the
    // same key is a conflict.

    public static ChangeContext System(string via) => new("system", via);
}
