using Programme.Aggregation;
using Programme.Boards;
using Programme.Domain;
using Programme.Grains.Boards;
using Programme.Grains.Forecasts;

namespace Programme.Tests.Forecasts;

/// <summary>The early-warning rules: thresholds, red→amber hysteresis (the shortfall made up first), and "since" kept.</summary>
public sealed class WarningRulesTests
{
    private static readonly WarningRule CoverageForecast = new()
    {
        Id = "coverage-forecast", Scopes = ["city"], Target = "coverage", Comparison = "probability", Amber = 80, Red = 50, RedClears = 70,
        Zh = "{name}覆盖率 {value}，预计 {deadline}达 {expected}（达标概率 {probability}），还差 {toGo} 家", En = "{name}: {probability}",
    };

    private static readonly ProgrammeCalendar Calendar = ProgrammeCalendar.Default;
    private static readonly DateTimeOffset T0 = new(2022, 9, 1, 8, 0, 0, TimeSpan.Zero);

    private static WarningInput Input(double probability, DateTimeOffset now)
    {
        var city = BoardBuilder.City(1, [], new ProgrammeTargets { Coverage = 1m }, Calendar);
        var forecast = new BoardForecast("2022-08", "2022-12", 200, now, new Dictionary<string, ForecastTarget>
        {
            ["coverage"] = new(1m, 0.941m, 0.93m, 0.95m, probability),
        });
        return new WarningInput(city, new Dictionary<string, Board>(), forecast, new Dictionary<string, BoardForecast>(), [], Calendar,
            new YearMonth(2022, 12), now);
    }

    [Theory]
    [InlineData(30, null, "red")]
    [InlineData(60, null, "amber")]
    [InlineData(60, "red", "red")]     // better than red, but the shortfall is not made up: stays red
    [InlineData(69.9, "red", "red")]
    [InlineData(70, "red", "amber")]   // made up to the clearing line: now amber
    [InlineData(85, "red", null)]
    [InlineData(60, "amber", "amber")]
    [InlineData(80, "amber", null)]
    public void A_red_warning_turns_amber_only_once_its_shortfall_is_made_up(double probability, string? before, string? expected) =>
        Assert.Equal(expected, WarningRules.Level(CoverageForecast, (decimal)probability, before));

    [Fact]
    public void A_warning_keeps_the_time_it_started_across_recomputes_and_level_changes_and_a_new_one_starts_afresh()
    {
        var marks = new Dictionary<string, WarningMark>();
        var levels = new List<(string? Level, DateTimeOffset? Since)>();
        var step = 0;
        foreach (var p in new[] { 0.03, 0.6, 0.72, 0.95, 0.4 })
        {
            var now = T0.AddMinutes(10 * step++);
            var (warnings, next) = WarningRules.Evaluate([CoverageForecast], Input(p, now), marks);
            marks = next;
            var w = warnings.SingleOrDefault();
            levels.Add((w?.Warning.Level, w?.Warning.Since));
        }
        Assert.Equal([("red", T0), ("red", T0), ("amber", T0), (null, null), ("red", T0.AddMinutes(40))], levels);
    }

    [Fact]
    public void The_reason_states_the_numbers_in_both_languages()
    {
        var (warnings, _) = WarningRules.Evaluate([CoverageForecast], Input(0.03, T0), new Dictionary<string, WarningMark>());
        var w = Assert.Single(warnings).Warning;
        Assert.Equal(("red", "coverage-forecast", "coverage", (string?)null), (w.Level, w.Rule, w.Target, w.CountyId));
        Assert.Equal("全市覆盖率 0.0 %，预计 2022 年 12 月达 94.1 %（达标概率 3 %），还差 0 家", w.Reason);
        Assert.Equal("The city: 3 %", w.ReasonEn);
    }

    [Fact]
    public void An_uncovered_firm_without_a_plan_is_red_with_a_late_plan_amber_and_with_a_plan_in_time_none()
    {
        var rule = new WarningRule { Id = "firm-without-plan", Scopes = ["firm"], Target = "coverage", Comparison = "planStatus", Amber = 1, Red = 2, Zh = "{firm}", En = "{firm}" };
        Enterprise Firm(string id, params Project[] projects) => new() { Id = id, Name = id, CountyId = "lingbao", Sector = "metals", AboveScale = true, Projects = projects };
        Project Plan(int year, int month) => new() { Id = "p", Name = "p", StartMonth = new(year, month), EndMonth = new(year + 1, 6), Status = ProjectStatus.Planned };
        var firms = new[]
        {
            Firm("none"), Firm("late", Plan(2023, 3)), Firm("in-time", Plan(2022, 11)),
            Firm("covered", new Project { Id = "u", Name = "u", StartMonth = new(2022, 1), EndMonth = new(2022, 12), Status = ProjectStatus.Underway }),
        };
        var input = Input(1, T0) with { Firms = firms };
        var (warnings, _) = WarningRules.Evaluate([rule], input, new Dictionary<string, WarningMark>());
        Assert.Equal([("none", "red"), ("late", "amber")], warnings.Select(w => (w.Warning.EnterpriseId!, w.Warning.Level)).ToArray());
    }
}
