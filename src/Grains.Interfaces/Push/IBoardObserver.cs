namespace Programme.Push;

/// <summary>One per web front end: receives board updates and sends them to the SignalR group of each scope.</summary>
public interface IBoardObserver : IGrainObserver
{
    /// <summary>
    /// One-way: a notifier never waits on a front end, so one that is slow, or whose reply is lost with a dying gateway,
    /// cannot hold back every board. Order is kept by version at the front end, which drops anything not newer.
    /// </summary>
    [OneWay]
    Task OnBoards(IReadOnlyList<BoardUpdate> updates);
}
