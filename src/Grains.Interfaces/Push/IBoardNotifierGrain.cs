namespace Programme.Push;

/// <summary>
/// The per-silo push stage: grains hand it their new board snapshots; it keeps the newest per scope and, a few times
/// a second, sends the watched ones to every front end's observer. Domain grains never touch SignalR.
/// </summary>
public interface IBoardNotifierGrain : IGrainWithIntegerKey
{
    [OneWay]
    Task Publish(BoardUpdate update);
}
