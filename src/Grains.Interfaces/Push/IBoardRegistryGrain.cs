namespace Programme.Push;

/// <summary>
/// Knows one board observer per web front end. Front ends re-register on a timer;
/// an observer not heard from, or whose silo has left the cluster, is dropped.
/// </summary>
public interface IBoardRegistryGrain : IGrainWithIntegerKey
{
    Task Register(FrontEndRegistration registration);

    Task Unregister(string frontEndId);

    [AlwaysInterleave]
    Task<PushRoutes> GetRoutes();
}
