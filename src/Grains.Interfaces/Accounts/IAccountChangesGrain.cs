namespace Programme.Accounts;

/// <summary>
/// The feed of account changes (one, key 0): front ends' account caches subscribe to it, and an account grain tells it
/// after every durable change (created, disabled, enabled, password reset), before its caller is answered. Off the
/// request path: it sees one call per account change and one re-subscription per front end every few seconds.
/// </summary>
public interface IAccountChangesGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Subscribes or refreshes a cache. False when this feed did not know the cache (a new cache, a feed re-activated
    /// after its silo was lost, or a cache dropped after missing a change): the cache must then forget everything.
    /// </summary>
    Task<bool> Subscribe(string cacheId, IAccountObserver observer);

    Task Unsubscribe(string cacheId);

    /// <summary>Tells every subscribed cache; a cache that does not acknowledge within a few seconds is dropped.</summary>
    Task Changed(string userName);
}
