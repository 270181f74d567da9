using Programme.Domain;
using Programme.Simulation;

namespace Programme.Grains.Simulation;

/// <summary>Checks an analysis request field by field (every error names the field and the rule) and fills in defaults.</summary>
public static class AnalysisValidator
{
    public const int MaxEvaluations = 400, MaxRuns = 200, MaxSweepPoints = 100;

    public static (AnalysisDefinition? Definition, Dictionary<string, string[]> Errors) Validate(AnalysisRequest? request, YearMonth reportingMonth)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Error(string field, string rule) => errors[field] = [.. errors.GetValueOrDefault(field) ?? [], rule];
        request ??= new AnalysisRequest();
        var scenario = request.Scenario ?? new ScenarioRequest();
        if (scenario.Baseline == ScenarioDefinition.LiveBaseline)
            Error("scenario.baseline", "an analysis runs on the registry or a synthetic population (a live fork changes as the programme does, so its answer could not be cached)");
        if (scenario.Alternatives is { Count: > 0 }) Error("scenario.alternatives", "an analysis makes its own policies: leave alternatives out");
        if (scenario.PaceMs is > 0 || scenario.Paused == true) Error("scenario", "an analysis runs as fast as possible: leave paceMs and paused out");
        if (scenario.Runs is > MaxRuns) Error("scenario.runs", $"must be at most {MaxRuns} in an analysis");
        if (request.Sensitivity is null && request.Sweep is null) Error("sensitivity", "ask for a sensitivity analysis, a sweep, or both");

        // The scenario runs to the deadline unless months says otherwise: outcomes are judged there.
        var withRuns = new ScenarioRequest
        {
            Baseline = scenario.Baseline, Seed = scenario.Seed, StartMonth = scenario.StartMonth, Months = scenario.Months, Runs = scenario.Runs ?? 20,
            Enterprises = scenario.Enterprises, Policy = scenario.Policy, Deadline = scenario.Deadline,
        };
        var (definition, scenarioErrors) = ScenarioRequestValidator.Validate(withRuns, reportingMonth, 0);
        foreach (var (k, v) in scenarioErrors) foreach (var rule in v) Error($"scenario.{k}", rule);
        if (definition is not null && scenario.Months is null)
        {
            var months = definition.StartMonth.MonthsUntil(definition.Deadline) + 1;
            if (months < 1) Error("scenario.deadline", "must not be before the start month");
            else definition = definition with { Months = Math.Min(months, ScenarioRequestValidator.MaxMonths) };
        }

        SensitivitySpec? sensitivity = null;
        if (request.Sensitivity is { } s)
        {
            var names = s.Parameters ?? BehaviourParameters.Names;
            foreach (var n in names.Where(n => !BehaviourParameters.Names.Contains(n)))
                Error("sensitivity.parameters", $"'{n}' is not a behaviour parameter (known: {string.Join(", ", BehaviourParameters.Names)})");
            if (names.Length == 0 || names.Distinct().Count() != names.Length) Error("sensitivity.parameters", "must name at least one parameter, each once");
            var range = s.Range ?? 0.2;
            if (range is <= 0 or >= 1) Error("sensitivity.range", "must be a fraction between 0 and 1 (exclusive)");
            var trajectories = s.Trajectories ?? 4;
            if (trajectories is < 0 or > 20) Error("sensitivity.trajectories", "must be between 0 and 20");
            var levels = s.Levels ?? 4;
            if (levels is < 2 or > 10 || levels % 2 != 0) Error("sensitivity.levels", "must be an even number between 2 and 10");
            sensitivity = new SensitivitySpec { Parameters = [.. names], Range = range, Trajectories = trajectories, Levels = levels };
        }

        SweepSpec? sweep = null;
        if (request.Sweep is { } w)
        {
            var defaults = new PolicySettings();
            decimal[] rates = w.SubsidyRates ?? [0.2m, 0.35m, 0.5m];
            decimal[] caps = w.ProjectCaps ?? [1_500_000m, 3_000_000m, 6_000_000m];
            decimal[] funds = w.AnnualFunds ?? [50_000_000m, 100_000_000m, 200_000_000m];
            if (rates.Length == 0 || rates.Any(r => r < 0 || r > 1)) Error("sweep.subsidyRates", "must list fractions between 0 and 1");
            if (caps.Length == 0 || caps.Any(c => c < 0 || c > 10_000_000_000m)) Error("sweep.projectCaps", "must list amounts between 0 and 100 亿 yuan");
            if (funds.Length == 0 || funds.Any(f => f < 0 || f > 1_000_000_000_000m)) Error("sweep.annualFunds", "must list amounts between 0 and 10,000 亿 yuan");
            var design = w.Design ?? "grid";
            if (design is not ("grid" or "lhs")) Error("sweep.design", "must be grid or lhs");
            var points = design == "grid" ? rates.Length * caps.Length * funds.Length : w.Points ?? 20;
            if (points is < 1 or > MaxSweepPoints) Error(design == "grid" ? "sweep" : "sweep.points", $"must give between 1 and {MaxSweepPoints} points");
            sweep = new SweepSpec
            {
                SubsidyRates = [.. rates], ProjectCaps = [.. caps.Select(decimal.Floor)], AnnualFunds = [.. funds.Select(decimal.Floor)], Design = design,
                Points = points, FundCapped = w.FundCapped ?? true,
            };
            _ = defaults;
        }

        if (errors.Count > 0 || definition is null) return (null, errors);
        var analysis = new AnalysisDefinition { Base = definition, Sensitivity = sensitivity, Sweep = sweep, ModelVersion = BehaviourModel.Version };
        var evaluations = AnalysisRunner.Plan(analysis).Count;
        if (evaluations > MaxEvaluations) Error("sensitivity", $"the analysis needs {evaluations} scenario runs; at most {MaxEvaluations} (fewer parameters, trajectories or sweep points)");
        return errors.Count > 0 ? (null, errors) : (analysis, errors);
    }
}
