namespace Programme.Grains.Boards;

/// <summary>
/// Board versions must keep growing across activations (a county rebuilt on another silo, a restart), or subscribers
/// and the city would ignore the new grain's snapshots as old. So a board's version starts at the clock in
/// microseconds since 1970 and counts up from there: below 2^53, so JavaScript reads it exactly.
/// </summary>
public static class BoardVersions
{
    public static long Start(TimeProvider clock) => clock.GetUtcNow().ToUnixTimeMilliseconds() * 1000;
}
