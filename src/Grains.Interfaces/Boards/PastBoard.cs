namespace Programme.Boards;

/// <summary>
/// A board as of a past reporting month (<c>?asOf=</c>), recomputed from the enterprises' records; or, for a month the
/// records do not cover, no board and the months they do: <see cref="FirstMonth"/> (the first month with any figure)
/// to <see cref="LastMonth"/> (the reporting month in force).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PastBoard(
    [property: Id(0)] Board? Board,
    [property: Id(1)] string FirstMonth,
    [property: Id(2)] string LastMonth);
