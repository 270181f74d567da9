using Programme.Domain;
using Programme.Grains.Simulation;
using Programme.Simulation;

namespace Programme.Tests.Simulation;

/// <summary>How a request body becomes a scenario: CONTRACT.md's reading, defaults, and refusals that name the field.</summary>
public sealed class ScenarioRequestTests
{
    private static readonly YearMonth Reporting = new(2022, 8);

    [Fact]
    public void An_empty_body_projects_the_baseline_registry_over_the_programme()
    {
        var (d, errors) = ScenarioRequestValidator.Validate(new ScenarioRequest(), Reporting, 639);
        Assert.Empty(errors);
        Assert.Equal(ScenarioDefinition.SanmenxiaBaseline, d!.Baseline);
        Assert.Equal(new YearMonth(2020, 1), d.StartMonth);
        Assert.Equal(36, d.Months);
        Assert.Equal(1, d.Runs);
        Assert.Equal(Scenarios.Text(new PolicySettings()), Scenarios.Text(d.Policy));
    }

    [Fact]
    public void A_number_of_enterprises_asks_for_a_synthetic_population_as_the_contract_says()
    {
        var (d, errors) = ScenarioRequestValidator.Validate(new ScenarioRequest { Baseline = "sanmenxia-2022", Enterprises = 500 }, Reporting, 639);
        Assert.Empty(errors);
        Assert.Equal(ScenarioDefinition.SyntheticBaseline, d!.Baseline);
        Assert.Equal(500, d.Enterprises);
    }

    [Fact]
    public void A_live_fork_starts_the_month_after_the_reporting_month_and_runs_to_the_deadline()
    {
        var (d, errors) = ScenarioRequestValidator.Validate(new ScenarioRequest { Baseline = "live", Runs = 200 }, Reporting, 639);
        Assert.Empty(errors);
        Assert.Equal(new YearMonth(2022, 9), d!.StartMonth);
        Assert.Equal(4, d.Months);
        var (_, wrong) = ScenarioRequestValidator.Validate(new ScenarioRequest { Baseline = "live", Enterprises = 10 }, Reporting, 639);
        Assert.Contains("enterprises", wrong.Keys);
    }

    [Fact]
    public void Requests_beyond_the_limits_are_refused_by_field()
    {
        var (d, errors) = ScenarioRequestValidator.Validate(new ScenarioRequest
        {
            Runs = 1000, Months = 120, Alternatives = [new() { Name = "no-subsidy" }],
            Policy = new PolicyRequest { CountyPush = -1, ProjectCap = -5, CountyPushFrom = "soon" },
        }, Reporting, 639);
        Assert.Null(d);
        foreach (var field in new[] { "alternatives[0].name", "policy.countyPush", "policy.projectCap", "policy.countyPushFrom" })
            Assert.Contains(field, errors.Keys);
        var (_, tooBig) = ScenarioRequestValidator.Validate(new ScenarioRequest { Runs = 1000, Months = 120 }, Reporting, 639);
        Assert.Contains("runs", tooBig.Keys);
    }
}
