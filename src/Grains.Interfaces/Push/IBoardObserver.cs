namespace Programme.Push;

/// <summary>One per web front end: receives board updates and sends them to the SignalR group of each scope.</summary>
public interface IBoardObserver : IGrainObserver
{
    Task OnBoards(IReadOnlyList<BoardUpdate> updates);
}
