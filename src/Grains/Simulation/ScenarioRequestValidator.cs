using Programme.Domain;
using Programme.Simulation;

namespace Programme.Grains.Simulation;

/// <summary>
/// Checks a scenario request field by field and fills in defaults. Every error names the field and the rule; a request
/// with any error starts nothing.
/// </summary>
public static class ScenarioRequestValidator
{
    public const int MaxMonths = 120, MaxRuns = 1000, MaxEnterprises = 1_000_000, MaxAlternatives = 4;
    /// <summary>Bounds what one scenario may hold in memory: runs × months × policies, and firms × runs.</summary>
    public const long MaxRunMonths = 100_000, MaxFirmRuns = 5_000_000;

    public static readonly YearMonth DefaultStart = new(2020, 1);
    public static readonly YearMonth DefaultDeadline = new(2022, 12);

    public static (ScenarioDefinition? Definition, Dictionary<string, string[]> Errors) Validate(
        ScenarioRequest? request, YearMonth reportingMonth, int liveEnterprises)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Error(string field, string rule) => errors[field] = [.. errors.GetValueOrDefault(field) ?? [], rule];
        request ??= new ScenarioRequest();

        // CONTRACT.md: enterprises null means the baseline's registry; a number asks for a synthetic population of that size
        // (drawn from the baseline's mix), whether or not the body also names the baseline.
        var baseline = request.Baseline ?? ScenarioDefinition.SanmenxiaBaseline;
        if (baseline == ScenarioDefinition.SanmenxiaBaseline && request.Enterprises is not null) baseline = ScenarioDefinition.SyntheticBaseline;
        if (baseline is not (ScenarioDefinition.SanmenxiaBaseline or ScenarioDefinition.LiveBaseline or ScenarioDefinition.SyntheticBaseline))
            Error("baseline", "must be sanmenxia-2022, live or synthetic");
        var firms = 0;
        switch (baseline)
        {
            case ScenarioDefinition.SyntheticBaseline when request.Enterprises is null:
                Error("enterprises", "a synthetic population needs its size");
                break;
            case ScenarioDefinition.LiveBaseline when request.Enterprises is not null:
                Error("enterprises", "a live fork copies the live enterprises: leave it null");
                break;
        }
        if (request.Enterprises is { } n && (n < 1 || n > MaxEnterprises)) Error("enterprises", $"must be between 1 and {MaxEnterprises:N0}");
        firms = baseline switch
        {
            ScenarioDefinition.SyntheticBaseline => request.Enterprises ?? 0,
            ScenarioDefinition.LiveBaseline => liveEnterprises,
            _ => Populations.RegistryEnterprises.Count,
        };

        var liveStart = reportingMonth.AddMonths(1);
        var start = baseline == ScenarioDefinition.LiveBaseline ? liveStart : DefaultStart;
        if (request.StartMonth is not null)
        {
            if (!YearMonth.TryParse(request.StartMonth, out var s)) Error("startMonth", "must be a month \"YYYY-MM\"");
            else if (baseline == ScenarioDefinition.LiveBaseline && s != liveStart)
                Error("startMonth", $"a live fork starts the month after the reporting month {reportingMonth}: {liveStart} (or leave it out)");
            else if (baseline == ScenarioDefinition.SanmenxiaBaseline && (s < new YearMonth(2019, 1) || s > Populations.RegistryAsOf.AddMonths(1)))
                Error("startMonth", $"the baseline registry covers 2019-01 … {Populations.RegistryAsOf}: start between 2019-01 and {Populations.RegistryAsOf.AddMonths(1)}");
            else start = s;
        }

        var deadline = DefaultDeadline;
        if (request.Deadline is not null && !YearMonth.TryParse(request.Deadline, out deadline)) Error("deadline", "must be a month \"YYYY-MM\"");
        else if (deadline < start) Error("deadline", $"must not be before the start month {start}");

        var months = request.Months ?? Math.Max(1, start.MonthsUntil(deadline) + 1);
        if (months < 1 || months > MaxMonths) Error("months", $"must be between 1 and {MaxMonths}");
        else if (start.Ordinal + months - 1 > new YearMonth(YearMonth.MaxYear, 12).Ordinal) Error("months", "runs past the calendar's end");
        var runs = request.Runs ?? 1;
        if (runs < 1 || runs > MaxRuns) Error("runs", $"must be between 1 and {MaxRuns}");
        var seed = request.Seed ?? 42;
        var pace = request.PaceMs ?? 0;
        if (pace < 0 || pace > 60_000) Error("paceMs", "must be between 0 (as fast as possible) and 60000 milliseconds per month");

        var policy = Policy(request.Policy, "policy", Error);
        var alternatives = new List<NamedPolicy>();
        var requested = request.Alternatives ?? [];
        if (requested.Count > MaxAlternatives) Error("alternatives", $"at most {MaxAlternatives} alternative policies");
        for (var i = 0; i < requested.Count && i < MaxAlternatives; i++)
        {
            var name = requested[i].Name?.Trim();
            if (string.IsNullOrEmpty(name) || name.Length > 40) Error($"alternatives[{i}].name", "must be 1–40 characters");
            else if (name is "policy" or "no-subsidy" || alternatives.Any(a => a.Name == name))
                Error($"alternatives[{i}].name", "must differ from policy, no-subsidy and the other alternatives");
            var p = Policy(requested[i].Policy, $"alternatives[{i}].policy", Error);
            if (name is not null && p is not null) alternatives.Add(new NamedPolicy(name, p));
        }

        var arms = 2L * (1 + requested.Count);
        if (errors.Count == 0 && (long)runs * (months + 1) * arms > MaxRunMonths)
            Error("runs", $"runs × (months + 1) × policies (each with its own no-subsidy twin) must stay within {MaxRunMonths:N0}");
        if (errors.Count == 0 && (long)firms * runs > MaxFirmRuns)
            Error("runs", $"enterprises × runs must stay within {MaxFirmRuns:N0}");
        if (errors.Count == 0 && firms == 0) Error("baseline", "there are no enterprises to simulate");
        if (errors.Count > 0 || policy is null) return (null, errors);

        return (new ScenarioDefinition
        {
            Baseline = baseline, Seed = seed, StartMonth = start, Months = months, Runs = runs,
            Enterprises = baseline == ScenarioDefinition.SyntheticBaseline ? request.Enterprises : null,
            Policy = policy, Alternatives = [.. alternatives], Deadline = deadline, PaceMilliseconds = pace, StartPaused = request.Paused ?? false,
        }, errors);
    }

    private static RewardAmounts Rewards(PolicyRequest body, RewardAmounts defaults)
    {
        var all = body.RewardAmount is { } a ? RewardAmounts.All(decimal.Floor(a)) : defaults;
        var r = body.Rewards;
        if (r is null) return all;
        return new RewardAmounts
        {
            SmartFactory = decimal.Floor(r.SmartFactory ?? all.SmartFactory),
            SmartWorkshop = decimal.Floor(r.SmartWorkshop ?? all.SmartWorkshop),
            GreenFactory = decimal.Floor(r.GreenFactory ?? all.GreenFactory),
            SmartManufacturingBenchmark = decimal.Floor(r.SmartManufacturingBenchmark ?? all.SmartManufacturingBenchmark),
        };
    }

    private static PolicySettings? Policy(PolicyRequest? body, string prefix, Action<string, string> error)
    {
        var defaults = new PolicySettings();
        if (body is null) return defaults;
        var failed = false;
        void Fail(string field, string rule)
        {
            failed = true;
            error($"{prefix}.{field}", rule);
        }
        static bool Fraction(decimal? v) => v is null || (v >= 0 && v <= 1);
        if (!Fraction(body.SubsidyRate)) Fail("subsidyRate", "must be a fraction between 0 and 1");
        if (body.ProjectCap < 0) Fail("projectCap", "must not be negative (yuan)");
        if (body.AnnualFund < 0) Fail("annualFund", "must not be negative (yuan)");
        if (body.RewardAmount < 0) Fail("rewardAmount", "must not be negative (yuan)");
        if (body.Rewards is { } r)
            foreach (var (name, value) in new[] { ("smartFactory", r.SmartFactory), ("smartWorkshop", r.SmartWorkshop), ("greenFactory", r.GreenFactory),
                         ("smartManufacturingBenchmark", r.SmartManufacturingBenchmark) })
                if (value is < 0 or > 10_000_000_000m) Fail($"rewards.{name}", "must be between 0 and 100 亿 yuan");
        if (body.Rewards?.MachineReplacesLabour is not null)
            Fail("rewards.machineReplacesLabour", "machine-replaces-labour support is no fixed reward but a ratio of the project's eligible "
                + "equipment investment: set machineReplacesLabourRatio (a fraction between 0 and 1) instead");
        if (!Fraction(body.MachineReplacesLabourRatio))
            Fail("machineReplacesLabourRatio", "must be a fraction between 0 and 1 of the eligible equipment investment");
        if (body.MachineReplacesLabourCap is < 0 or > 10_000_000_000m)
            Fail("machineReplacesLabourCap", "must be between 0 and 100 亿 yuan");
        if (body.ProjectCap > 10_000_000_000m || body.AnnualFund > 1_000_000_000_000m || body.RewardAmount > 10_000_000_000m)
            Fail("policy", "amounts are beyond any plausible fund (cap and reward ≤ 100 亿, fund ≤ 10,000 亿 yuan)");
        if (body.BatchMonths is { } months && (months.Length > 4 || months.Any(m => m < 1 || m > 12) || months.Distinct().Count() != months.Length))
            Fail("batchMonths", "must be at most 4 distinct months of the year, 1–12 (an empty list: no batches)");
        if (!Fraction(body.SubsidyPassRate)) Fail("subsidyPassRate", "must be a fraction between 0 and 1");
        if (!Fraction(body.RewardPassRate)) Fail("rewardPassRate", "must be a fraction between 0 and 1");
        if (body.CountyPush is < 0 or > 10) Fail("countyPush", "must be a multiplier between 0 and 10");
        var pushFrom = defaults.CountyPushFrom;
        if (body.CountyPushFrom is not null && !YearMonth.TryParse(body.CountyPushFrom, out pushFrom)) Fail("countyPushFrom", "must be a month \"YYYY-MM\"");
        if (failed) return null;
        return new PolicySettings
        {
            SubsidyRate = body.SubsidyRate ?? defaults.SubsidyRate,
            ProjectCap = decimal.Floor(body.ProjectCap ?? defaults.ProjectCap),
            AnnualFund = decimal.Floor(body.AnnualFund ?? defaults.AnnualFund),
            FundCapped = body.FundCapped ?? defaults.FundCapped,
            Rewards = Rewards(body, defaults.Rewards),
            BatchMonths = body.BatchMonths is { } b ? [.. b.Order()] : defaults.BatchMonths,
            SubsidyPassRate = body.SubsidyPassRate ?? defaults.SubsidyPassRate,
            RewardPassRate = body.RewardPassRate ?? defaults.RewardPassRate,
            CountyPush = body.CountyPush ?? defaults.CountyPush,
            CountyPushFrom = pushFrom,
            MachineReplacesLabourRatio = body.MachineReplacesLabourRatio ?? defaults.MachineReplacesLabourRatio,
            MachineReplacesLabourCap = body.MachineReplacesLabourCap is { } mc ? decimal.Floor(mc) : defaults.MachineReplacesLabourCap,
        };
    }
}
