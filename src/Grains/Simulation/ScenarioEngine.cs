using Programme.Domain;
using Programme.Simulation;

namespace Programme.Grains.Simulation;

/// <summary>
/// Coordinates a scenario's shards: sets them up, advances them in segments (many months per call, stopping only where
/// a capped fund must scale a batch's awards across all firms, or where the caller wants to look), and adds their
/// integer levels into one table per arm, run and month. Used by <c>ScenarioGrain</c> with shard grains and by the
/// headless command with in-process shards; both give the same results.
/// </summary>
public sealed class ScenarioEngine
{
    private static readonly int Counties = CountyCatalogue.All.Count;
    private const int M = Metric.Count;
    private const int CM = Metric.CountyCount;

    private readonly ScenarioDefinition _definition;
    private readonly SeedFirm[]? _firms;
    private readonly ShardLayout _layout;
    private readonly IShardRunner[] _shards;
    private readonly ArmRules[] _arms;
    private readonly int _runs, _months;
    private readonly long[] _city;      // [arm][run][month + 1][metric]
    private readonly long[] _counties;  // [arm][run][month + 1][county][county metric]
    private readonly long[] _remaining; // [arm][run]: what is left of a capped fund this year
    private readonly int[] _fundYear;
    private long[] _numerators = [], _denominators = [];

    public ScenarioEngine(ScenarioDefinition definition, SeedFirm[]? liveFirms, Func<int, IShardRunner> shardFactory, int firmRunsPerShard = ShardLayout.FirmRunsPerShard)
    {
        _definition = definition;
        _firms = liveFirms;
        Enterprises = liveFirms?.Length ?? definition.Enterprises ?? Populations.RegistryEnterprises.Count;
        World = WorldKey.Of(definition, liveFirms);
        // Every policy gets its own no-subsidy twin (the same levers, no grant of either class); policies whose twins behave
        // the same (same county push) share one. Arms: the policies in request order, then the twins.
        PolicySettings[] policies = [definition.Policy, .. definition.Alternatives.Select(a => a.Policy)];
        string[] names = ["policy", .. definition.Alternatives.Select(a => a.Name)];
        var twins = new List<(string Key, PolicySettings Policy, string Name)>();
        var twinOf = new int?[policies.Length];
        for (var i = 0; i < policies.Length; i++)
        {
            var twin = policies[i].NoSubsidy();
            var key = TwinKey(twin);
            var j = twins.FindIndex(t => t.Key == key);
            if (j < 0)
            {
                j = twins.Count;
                twins.Add((key, twin, i == 0 ? "no-subsidy" : $"no-subsidy · {names[i]}"));
            }
            twinOf[i] = policies.Length + j;
        }
        Arms = [.. policies, .. twins.Select(t => t.Policy)];
        ArmNames = [.. names, .. twins.Select(t => t.Name)];
        TwinOf = [.. twinOf, .. twins.Select(_ => (int?)null)];
        _arms = Arms.Select(p => new ArmRules(p, definition.Behaviour)).ToArray();
        _runs = definition.Runs;
        _months = definition.Months;
        _layout = ShardLayout.For(Enterprises, _runs, firmRunsPerShard);
        _shards = Enumerable.Range(0, _layout.Shards.Count).Select(shardFactory).ToArray();
        _city = new long[_arms.Length * _runs * (_months + 1) * M];
        _counties = new long[_arms.Length * _runs * (_months + 1) * Counties * CM];
        _remaining = new long[_arms.Length * _runs];
        _fundYear = new int[_arms.Length * _runs];
    }

    public ulong World { get; }
    public int Enterprises { get; }
    public PolicySettings[] Arms { get; }
    public string[] ArmNames { get; }
    /// <summary>For each arm, the index of its no-subsidy twin; null for a twin.</summary>
    public int?[] TwinOf { get; }
    public int MonthsDone { get; private set; }
    public long EnterpriseMonths { get; private set; }
    public int ShardCount => _shards.Length;
    public ScenarioDefinition Definition => _definition;

    public async Task Setup()
    {
        Array.Clear(_city);
        Array.Clear(_counties);
        MonthsDone = 0;
        EnterpriseMonths = 0;
        var reports = await Task.WhenAll(_layout.Shards.Select((s, i) => _shards[i].Setup(new ShardSetup
        {
            Definition = _definition, Arms = Arms, FirmFrom = s.FirmFrom, FirmTo = s.FirmTo, RunFrom = s.RunFrom, RunTo = s.RunTo,
            Firms = _firms?[s.FirmFrom..s.FirmTo], World = World,
        })));
        for (var i = 0; i < reports.Length; i++) Add(i, reports[i], monthOffset: 0);
    }

    /// <summary>Simulates up to month index <paramref name="months"/> (exclusive), in as few shard calls as the fund allows.</summary>
    public async Task AdvanceTo(int months)
    {
        months = Math.Min(months, _months);
        while (MonthsDone < months)
        {
            var to = NextStop(MonthsDone, months);
            var from = MonthsDone;
            var reports = await Task.WhenAll(_layout.Shards.Select((s, i) => _shards[i].Advance(
                new ShardAdvance(from, to, Slice(_numerators, s), Slice(_denominators, s)))));
            for (var i = 0; i < reports.Length; i++)
            {
                Add(i, reports[i], monthOffset: from + 1);
                EnterpriseMonths += reports[i].EnterpriseMonths;
            }
            MonthsDone = to;
            ScaleCappedAwards(reports, to - 1);
        }
    }

    public Task Release() => Task.WhenAll(_shards.Select(s => s.Release()));

    /// <summary>A segment ends at a capped arm's public notice, so the next starts with the awards, scaled to the fund.</summary>
    private int NextStop(int from, int limit)
    {
        for (var i = from; i < limit; i++)
        {
            var ordinal = _definition.StartMonth.Ordinal + i;
            if (_arms.Any(a => a.Capped && a.IsCall(ordinal - ReviewStages.NoticeAfter))) return i + 1;
        }
        return limit;
    }

    private void ScaleCappedAwards(ShardReport[] reports, int noticeIndex)
    {
        var lanes = _arms.Length * _runs;
        _numerators = new long[lanes];
        _denominators = new long[lanes];
        Array.Fill(_numerators, 1);
        Array.Fill(_denominators, 1);
        var awardOrdinal = _definition.StartMonth.Ordinal + noticeIndex + 1;
        var approved = new long[lanes];
        for (var i = 0; i < reports.Length; i++)
        {
            var s = _layout.Shards[i];
            var shardRuns = s.RunTo - s.RunFrom;
            for (var a = 0; a < _arms.Length; a++)
                for (var r = 0; r < shardRuns && reports[i].Approved.Length > 0; r++)
                    approved[a * _runs + s.RunFrom + r] += reports[i].Approved[a * shardRuns + r];
        }
        for (var a = 0; a < _arms.Length; a++)
        {
            if (!_arms[a].Capped || !_arms[a].IsCall(awardOrdinal - ReviewStages.AwardAfter)) continue;
            var year = awardOrdinal / 12;
            for (var r = 0; r < _runs; r++)
            {
                var lane = a * _runs + r;
                if (_fundYear[lane] != year)
                {
                    _fundYear[lane] = year;
                    _remaining[lane] = (long)_arms[a].Policy.AnnualFund;
                }
                var asked = approved[lane];
                if (asked <= _remaining[lane]) _remaining[lane] -= asked;
                else
                {
                    _numerators[lane] = _remaining[lane];
                    _denominators[lane] = asked;
                    _remaining[lane] = 0;
                }
            }
        }
    }

    private long[] Slice(long[] perLane, (int FirmFrom, int FirmTo, int RunFrom, int RunTo) shard)
    {
        if (perLane.Length == 0) return [];
        var shardRuns = shard.RunTo - shard.RunFrom;
        var slice = new long[_arms.Length * shardRuns];
        for (var a = 0; a < _arms.Length; a++)
            for (var r = 0; r < shardRuns; r++) slice[a * shardRuns + r] = perLane[a * _runs + shard.RunFrom + r];
        return slice;
    }

    private void Add(int shard, ShardReport report, int monthOffset)
    {
        var s = _layout.Shards[shard];
        var shardRuns = s.RunTo - s.RunFrom;
        var span = report.To - report.From;
        for (var a = 0; a < _arms.Length; a++)
            for (var r = 0; r < shardRuns; r++)
            {
                var lane = a * shardRuns + r;
                var run = s.RunFrom + r;
                for (var m = 0; m < span; m++)
                {
                    var src = (lane * span + m) * M;
                    var dst = CityIndex(a, run, monthOffset + m);
                    for (var k = 0; k < M; k++) _city[dst + k] += report.City[src + k];
                    var csrc = (lane * span + m) * Counties * CM;
                    var cdst = CountyIndex(a, run, monthOffset + m, 0);
                    for (var k = 0; k < Counties * CM; k++) _counties[cdst + k] += report.Counties[csrc + k];
                }
            }
    }

    private int CityIndex(int arm, int run, int level) => ((arm * _runs + run) * (_months + 1) + level) * M;
    private int CountyIndex(int arm, int run, int level, int county) => (((arm * _runs + run) * (_months + 1) + level) * Counties + county) * CM;

    /// <summary>A level: arm, run, level index (0 = the start, i + 1 = after month i), metric.</summary>
    public long City(int arm, int run, int level, int metric) => _city[CityIndex(arm, run, level) + metric];

    public long County(int arm, int run, int level, int county, int metric) => _counties[CountyIndex(arm, run, level, county) + metric];

    public ScenarioResults Results() => ResultBuilder.Build(this);

    /// <summary>A twin pays nothing, so only the levers that act without money tell two twins apart: the county push.</summary>
    private static string TwinKey(PolicySettings p) => $"{p.CountyPush}|{p.CountyPushFrom}";
}
