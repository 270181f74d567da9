namespace Programme.Boards;

[GenerateSerializer, Immutable]
public sealed record MonthPoint([property: Id(0)] string Month, [property: Id(1)] decimal Completed, [property: Id(2)] decimal Cumulative);
