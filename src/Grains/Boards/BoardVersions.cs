namespace Programme.Grains.Boards;

/// <summary>
/// Board versions must keep growing when a county or the city moves to another silo or the cluster restarts: the push
/// path and every browser drop a version not newer than the last. Each activation therefore persists a new epoch first
/// and counts from epoch × 10⁹ (e.g. 3000000042 is the 42nd change seen by the third activation); that stays an exact
/// JSON number for two million activations.
/// </summary>
public static class BoardVersions
{
    public const long PerEpoch = 1_000_000_000;

    public static long Start(long epoch) => epoch * PerEpoch;
}
