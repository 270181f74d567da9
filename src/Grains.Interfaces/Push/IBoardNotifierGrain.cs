namespace Programme.Push;

/// <summary>
/// The per-silo push stage: grains hand it their new board snapshots; it sends them on at once to every front end's
/// observer (newest per scope of those that arrive together). Domain grains never touch SignalR.
/// </summary>
public interface IBoardNotifierGrain : IGrainWithIntegerKey
{
    [OneWay]
    Task Publish(BoardUpdate update);
}
