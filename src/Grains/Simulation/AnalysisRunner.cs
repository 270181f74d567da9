using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Programme.Simulation;

namespace Programme.Grains.Simulation;

/// <summary>
/// Sensitivity analysis and policy sweeps as a list of scenarios: <see cref="Plan"/> turns an analysis into its
/// evaluations (the base, two per parameter one at a time, Morris trajectories, sweep points), each one a scenario with
/// its own no-subsidy twin; <see cref="Assemble"/> turns their answers into results. Both are pure functions of the
/// definition, and every evaluation is deterministic wherever it runs, so the answer is the same on any number of silos.
/// </summary>
public static class AnalysisRunner
{
    private static readonly JsonSerializerOptions KeyJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The cache key: the model version and a hash of the validated request (defaults filled in).</summary>
    public static string Key(AnalysisDefinition a)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(a, KeyJson)));
        return $"{a.ModelVersion}-{Convert.ToHexStringLower(bytes)[..20]}";
    }

    public static IReadOnlyList<ScenarioDefinition> Plan(AnalysisDefinition a)
    {
        var list = new List<ScenarioDefinition> { a.Base };
        if (a.Sensitivity is { } s)
        {
            foreach (var name in s.Parameters)
            {
                list.Add(WithParameter(a.Base, name, Value(name, s.Range, 0)));
                list.Add(WithParameter(a.Base, name, Value(name, s.Range, 1)));
            }
            foreach (var trajectory in Morris(a))
                foreach (var point in trajectory.Points)
                    list.Add(a.Base with { Behaviour = point });
        }
        if (a.Sweep is { } w)
            foreach (var (rate, cap, fund) in SweepPoints(a))
                list.Add(a.Base with { Policy = a.Base.Policy with { SubsidyRate = rate, ProjectCap = cap, AnnualFund = fund, FundCapped = w.FundCapped } });
        return list;
    }

    public static AnalysisResults Assemble(AnalysisDefinition a, IReadOnlyList<AnalysisPoint> points)
    {
        var i = 1;
        var sensitivity = new List<ParameterSensitivity>();
        if (a.Sensitivity is { } s)
        {
            var oat = new List<(string Name, AnalysisPoint Low, AnalysisPoint High)>();
            foreach (var name in s.Parameters) oat.Add((name, points[i++], points[i++]));
            var effects = s.Parameters.ToDictionary(n => n, _ => AnalysisResults.Outputs.ToDictionary(o => o, _ => new List<decimal>()));
            var delta = (decimal)MorrisDelta(s.Levels);
            foreach (var trajectory in Morris(a))
            {
                var before = points[i++];
                foreach (var name in trajectory.Order)
                {
                    var after = points[i++];
                    foreach (var o in AnalysisResults.Outputs) effects[name][o].Add((Output(after, o) - Output(before, o)) / delta);
                    before = after;
                }
            }
            foreach (var (name, low, high) in oat)
            {
                var ee = effects[name];
                sensitivity.Add(new ParameterSensitivity
                {
                    Parameter = name, Default = BehaviourParameters.Default.Get(name), Low = Value(name, s.Range, 0), High = Value(name, s.Range, 1),
                    AtLow = low, AtHigh = high,
                    MorrisMuStar = ee.ToDictionary(kv => kv.Key, kv => kv.Value.Count == 0 ? 0 : Math.Round(kv.Value.Average(Math.Abs), 4)),
                    MorrisSigma = ee.ToDictionary(kv => kv.Key, kv => Math.Round(Sd(kv.Value), 4)),
                });
            }
        }
        var sweep = new List<SweepResult>();
        if (a.Sweep is not null)
            foreach (var (rate, cap, fund) in SweepPoints(a))
                sweep.Add(new SweepResult { SubsidyRate = rate, ProjectCap = cap, AnnualFund = fund, Result = points[i++] });
        // The cost–coverage frontier: no other point reaches at least its coverage for at most its grants (one strictly).
        var frontier = sweep.Select(p => p with
        {
            Frontier = !sweep.Any(q => q.Result.Grants <= p.Result.Grants && q.Result.CoverageAtDeadline >= p.Result.CoverageAtDeadline
                && (q.Result.Grants < p.Result.Grants || q.Result.CoverageAtDeadline > p.Result.CoverageAtDeadline)),
        }).ToArray();
        var judged = a.Base.StartMonth.AddMonths(Math.Clamp(a.Base.StartMonth.MonthsUntil(a.Base.Deadline), 0, a.Base.Months - 1));
        return new AnalysisResults { Base = points[0], Sensitivity = [.. sensitivity], Sweep = frontier, Evaluations = points.Count, JudgedAt = judged.ToString() };
    }

    /// <summary>One evaluation: the scenario and its twin, summarised at the deadline.</summary>
    public static async Task<AnalysisPoint> Evaluate(ScenarioDefinition d)
    {
        var engine = new ScenarioEngine(d, null, _ => new LocalShardRunner(LocalShardRunner.OnThreadPool));
        await engine.Setup();
        await engine.AdvanceTo(d.Months);
        var r = engine.Results();
        var judged = r.Months.LastOrDefault(m => m.Month == r.JudgedAt) ?? r.Months[^1];
        var c = r.Comparison!;
        return new AnalysisPoint
        {
            CoverageAtDeadline = judged.Coverage, ProbabilityFullCoverage = r.ProbabilityFullCoverage, AdditionalCovered = c.AdditionalCovered,
            Grants = c.Grants, CostPerNewlyCoveredFirm = c.CostPerNewlyCoveredFirm, InvestmentCompleted = r.Months[^1].InvestmentCompleted,
            AdditionalInvestmentCompleted = c.AdditionalInvestmentCompleted,
        };
    }

    /// <summary>Runs a whole analysis in this process, <paramref name="parallel"/> evaluations at a time (the headless command).</summary>
    public static async Task<AnalysisResults> RunLocal(AnalysisDefinition a, int parallel, Action<int, int>? progress = null)
    {
        var plan = Plan(a);
        var points = new AnalysisPoint[plan.Count];
        var done = 0;
        using var gate = new SemaphoreSlim(Math.Max(1, parallel));
        await Task.WhenAll(plan.Select(async (d, i) =>
        {
            await gate.WaitAsync();
            try { points[i] = await Evaluate(d); }
            finally { gate.Release(); }
            progress?.Invoke(Interlocked.Increment(ref done), plan.Count);
        }));
        return Assemble(a, points);
    }

    public static decimal Output(AnalysisPoint p, string output) => output switch
    {
        "coverageAtDeadline" => p.CoverageAtDeadline,
        "additionalCovered" => p.AdditionalCovered,
        "investmentCompleted" => p.InvestmentCompleted / 100_000_000m,
        _ => throw new ArgumentOutOfRangeException(nameof(output), output, null),
    };

    private static decimal Sd(List<decimal> values)
    {
        if (values.Count < 2) return 0;
        var mean = values.Average();
        return (decimal)Math.Sqrt((double)(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1)));
    }

    /// <summary>A parameter at unit position u of its range [default × (1 − range), default × (1 + range)]; chances stay ≤ 1.</summary>
    public static double Value(string name, double range, double u)
    {
        var d = BehaviourParameters.Default.Get(name);
        var v = d * (1 - range + 2 * range * u);
        return name is "firstProject" or "furtherProject" or "applySubsidy" or "applyReward" or "applyCertificationReward" or "revive" or "haltedFactor"
            ? Math.Min(1.0, v) : v;
    }

    private static ScenarioDefinition WithParameter(ScenarioDefinition d, string name, double value) =>
        d with { Behaviour = d.Behaviour.With(name, value) };

    private static double MorrisDelta(int levels) => levels / (2.0 * (levels - 1));

    private sealed record Trajectory(string[] Order, BehaviourParameters[] Points);

    /// <summary>
    /// Morris trajectories (elementary effects): from a random grid point, each parameter in a random order moves up by Δ
    /// (= levels / (2 (levels − 1)) of its range), one at a time; k + 1 scenarios a trajectory. Seeded by the request.
    /// </summary>
    private static IEnumerable<Trajectory> Morris(AnalysisDefinition a)
    {
        var s = a.Sensitivity!;
        var k = s.Parameters.Length;
        var delta = MorrisDelta(s.Levels);
        var key = SimRandom.Combine(SimRandom.Hash("morris"), (ulong)a.Base.Seed);
        for (var t = 0; t < s.Trajectories; t++)
        {
            var tk = SimRandom.Combine(key, (ulong)t);
            var order = s.Parameters.Select((n, i) => (n, r: SimRandom.Uniform(tk, i, Purpose.Kind))).OrderBy(x => x.r).Select(x => x.n).ToArray();
            var lowLevels = s.Levels / 2; // grid points 0 … 1 − Δ
            var x = s.Parameters.ToDictionary(n => n, n =>
                Math.Floor(SimRandom.Uniform(tk, Array.IndexOf(s.Parameters, n), Purpose.Size) * lowLevels) / (s.Levels - 1));
            BehaviourParameters At() => s.Parameters.Aggregate(a.Base.Behaviour, (b, n) => b.With(n, Value(n, s.Range, x[n])));
            var points = new List<BehaviourParameters> { At() };
            foreach (var n in order)
            {
                x[n] += delta;
                points.Add(At());
            }
            _ = k;
            yield return new Trajectory(order, [.. points]);
        }
    }

    /// <summary>The sweep's points: every combination (grid), or a Latin hypercube over the listed ranges (seeded).</summary>
    public static IReadOnlyList<(decimal Rate, decimal Cap, decimal Fund)> SweepPoints(AnalysisDefinition a)
    {
        var w = a.Sweep!;
        if (w.Design == "grid")
            return [.. from r in w.SubsidyRates from c in w.ProjectCaps from f in w.AnnualFunds select (r, c, f)];
        var n = w.Points;
        var key = SimRandom.Combine(SimRandom.Hash("lhs"), (ulong)a.Base.Seed);
        decimal[] Column(decimal[] values, int dim, int decimals)
        {
            var (lo, hi) = (values.Min(), values.Max());
            var strata = Enumerable.Range(0, n).OrderBy(i => SimRandom.Uniform(key, dim, Purpose.Kind, i)).ToArray();
            return strata.Select((stratum, i) =>
            {
                var u = (stratum + SimRandom.Uniform(key, dim, Purpose.Size, i)) / n;
                return Math.Round(lo + (hi - lo) * (decimal)u, decimals);
            }).ToArray();
        }
        var rates = Column(w.SubsidyRates, 0, 4);
        var caps = Column(w.ProjectCaps, 1, 0).Select(decimal.Floor).ToArray();
        var funds = Column(w.AnnualFunds, 2, 0).Select(decimal.Floor).ToArray();
        return [.. Enumerable.Range(0, n).Select(i => (rates[i], caps[i], funds[i]))];
    }
}
