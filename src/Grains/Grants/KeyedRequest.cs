using Programme.Grants;

namespace Programme.Grains.Grants;

/// <summary>
/// A request that came with an idempotency key: the key (scoped to the caller), a digest of the request, and what it
/// returned. Stored by the batch with the change itself, so a retry after a timeout, a crash or a fail-over to another
/// silo finds it and pays nothing twice.
/// </summary>
[GenerateSerializer, Immutable, Alias("programme.keyed-request")]
public sealed record KeyedRequest([property: Id(0)] string Key, [property: Id(1)] string Hash, [property: Id(2)] BatchResult Result);
