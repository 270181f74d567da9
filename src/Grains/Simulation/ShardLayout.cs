namespace Programme.Grains.Simulation;

/// <summary>
/// How a scenario splits into shards: blocks of firms × blocks of runs, about <see cref="FirmRunsPerShard"/> firm-runs each.
/// It depends on the request only (never on the silos), and results do not depend on it at all.
/// </summary>
public sealed record ShardLayout(IReadOnlyList<(int FirmFrom, int FirmTo, int RunFrom, int RunTo)> Shards)
{
    public const int FirmRunsPerShard = 12_500;
    public const int MaxShards = 64;

    public static ShardLayout For(int firms, int runs, int firmRunsPerShard = FirmRunsPerShard)
    {
        var per = Math.Max(1, firmRunsPerShard);
        while (true)
        {
            var layout = Split(firms, runs, per);
            if (layout.Shards.Count <= MaxShards) return layout;
            per *= 2;
        }
    }

    private static ShardLayout Split(int firms, int runs, int per)
    {
        var firmBlocks = Math.Max(1, (firms + per - 1) / per);
        var firmsPerBlock = Math.Max(1, (firms + firmBlocks - 1) / firmBlocks);
        var runsPerBlock = Math.Max(1, per / firmsPerBlock);
        var runBlocks = Math.Max(1, (runs + runsPerBlock - 1) / runsPerBlock);
        runsPerBlock = (runs + runBlocks - 1) / runBlocks;
        var shards = new List<(int, int, int, int)>();
        for (var r = 0; r < runBlocks; r++)
            for (var b = 0; b < firmBlocks; b++)
            {
                var firmFrom = b * firmsPerBlock;
                var runFrom = r * runsPerBlock;
                shards.Add((firmFrom, Math.Min(firms, firmFrom + firmsPerBlock), runFrom, Math.Min(runs, runFrom + runsPerBlock)));
            }
        return new ShardLayout(shards.Where(s => s.Item1 < s.Item2 && s.Item3 < s.Item4).ToList());
    }
}
