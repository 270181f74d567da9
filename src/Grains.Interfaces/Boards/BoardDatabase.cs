namespace Programme.Boards;

/// <summary>
/// The project database (项目库) on a board: projects entered (入库) and still in it, awaiting county or city review, left it
/// (出库), key projects (重点项目); the start rate (开工率): of the projects in the database planned to start in the programme
/// year, the share started (underway or completed). 0 when none is planned.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BoardDatabase(
    [property: Id(0)] int Entered,
    [property: Id(1)] int Pending,
    [property: Id(2)] int Exited,
    [property: Id(3)] int Key,
    [property: Id(4)] int PlannedStart,
    [property: Id(5)] int Started,
    [property: Id(6)] decimal StartRate);
