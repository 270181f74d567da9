using Programme.Boards;
using Programme.Domain;
using Programme.Grains.Simulation;
using Programme.Simulation;

namespace Programme.Grains.Forecasts;

/// <summary>
/// The forecast itself: a live fork of the firms read (the simulation's engine and calibrated model, default policy, in
/// this process on the forecast worker's low-priority thread, <see cref="LocalShardRunner"/>) run to the deadline, then per board and target the expected value at the deadline,
/// its 5–95 % band (nearest rank) and the share of runs meeting the target. "This year" figures are the board's own
/// figure now plus what each run adds from the fork to the deadline; coverage is the run's own covered / above-scale.
/// </summary>
public static class Forecaster
{
    public const string Coverage = "coverage", ProjectsThisYear = "projectsThisYear", CompletedThisYear = "completedThisYear";

    public static YearMonth Deadline(Board city) =>
        YearMonth.TryParse(city.Targets.FullCoverageBy, out var d) ? d : ScenarioRequestValidator.DefaultDeadline;

    public static async Task<(BoardForecast City, Dictionary<string, BoardForecast> Counties)> Run(
        IReadOnlyList<Enterprise> firms, Board city, IReadOnlyDictionary<string, Board> counties, ProgrammeCalendar calendar,
        ForecastOptions options, DateTimeOffset now)
    {
        var deadline = Deadline(city);
        var (definition, errors) = ScenarioRequestValidator.Validate(new ScenarioRequest
        {
            Baseline = ScenarioDefinition.LiveBaseline, Runs = Math.Max(200, options.Runs), Seed = options.Seed,
            Deadline = deadline < calendar.ReportingMonth.AddMonths(1) ? null : deadline.ToString(),
        }, calendar.ReportingMonth, firms.Count);
        if (definition is null) throw new InvalidOperationException("forecast definition: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));

        var seeds = Populations.Live(firms, definition.StartMonth, definition.Policy.BatchMonths);
        var engine = new ScenarioEngine(definition, seeds, _ => new LocalShardRunner(ForecastWorker.Run));
        try
        {
            await engine.Setup();
            await engine.AdvanceTo(definition.Months);
        }
        finally
        {
            await engine.Release();
        }

        var runs = definition.Runs;
        var judged = Math.Clamp(definition.StartMonth.MonthsUntil(definition.Deadline), 0, engine.MonthsDone - 1) + 1;
        var asOf = calendar.ReportingMonth.ToString();
        var deadlineText = definition.StartMonth.AddMonths(judged - 1).ToString();

        var cityForecast = MakeWithStart(city, (r, m, l) => engine.City(0, r, l, m));
        var byCounty = new Dictionary<string, BoardForecast>(StringComparer.Ordinal);
        for (var c = 0; c < CountyCatalogue.All.Count; c++)
        {
            var county = CountyCatalogue.All[c];
            if (!counties.TryGetValue(county.Id, out var board)) continue;
            var index = c;
            byCounty[county.Id] = MakeWithStart(board, (r, m, l) => engine.County(0, r, l, index, m));
        }
        return (cityForecast, byCounty);

        BoardForecast MakeWithStart(Board board, Func<int, int, int, long> at)
        {
            var above = Enumerable.Range(0, runs).Select(r => at(r, Metric.AboveScale, judged)).ToArray();
            var covered = Enumerable.Range(0, runs).Select(r => at(r, Metric.Covered, judged)).ToArray();
            var coverage = Enumerable.Range(0, runs).Select(r => above[r] == 0 ? 1m : covered[r] >= above[r] ? 1m : (decimal)covered[r] / above[r]).ToArray();
            var projects = Enumerable.Range(0, runs)
                .Select(r => (decimal)(board.Projects.ThisYear + at(r, Metric.Projects, judged) - at(r, Metric.Projects, 0))).ToArray();
            var completed = Enumerable.Range(0, runs)
                .Select(r => board.Investment.CompletedThisYear + at(r, Metric.InvestmentCompleted, judged) - at(r, Metric.InvestmentCompleted, 0)).ToArray();
            return new BoardForecast(asOf, deadlineText, runs, now, new Dictionary<string, ForecastTarget>
            {
                [Coverage] = Target(board.Targets.Coverage, coverage, 4),
                [ProjectsThisYear] = Target(board.Targets.ProjectsThisYear, projects, 1),
                [CompletedThisYear] = Target(board.Targets.CompletedThisYear, completed, 0),
            });
        }
    }

    /// <summary>Mean, nearest-rank 5th and 95th percentiles, and the share of runs at or above the target (1 when there is no target).</summary>
    public static ForecastTarget Target(decimal target, decimal[] values, int decimals)
    {
        var sorted = values.Order().ToArray();
        var n = sorted.Length;
        decimal Rank(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * n) - 1, 0, n - 1)];
        var met = target <= 0 ? n : sorted.Count(v => v >= target);
        return new ForecastTarget(target, Math.Round(values.Average(), decimals), Math.Round(Rank(0.05), decimals), Math.Round(Rank(0.95), decimals),
            Math.Round((double)met / n, 4));
    }
}
