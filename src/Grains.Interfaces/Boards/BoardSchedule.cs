namespace Programme.Boards;

/// <summary>
/// Monthly scheduling (月调度) of the reporting month: projects due to report it (in the database, underway), those that
/// have reported, the completeness, and the day the reports are due ("YYYY-MM-DD").
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BoardSchedule(
    [property: Id(0)] string Month,
    [property: Id(1)] string DueDate,
    [property: Id(2)] int Due,
    [property: Id(3)] int Reported,
    [property: Id(4)] decimal Completeness);
