using Programme.Domain;
using Programme.Grains.Simulation;
using Programme.Simulation;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Simulation;

/// <summary>Sensitivity analysis and policy sweeps: the same answer on two silos as in one process, directions that make sense.</summary>
public sealed class AnalysisTests(SimulationClusterFixture fixture) : IClassFixture<SimulationClusterFixture>
{
    public static AnalysisRequest Small() => new()
    {
        Scenario = new ScenarioRequest { Runs = 6, Seed = 5 },
        Sensitivity = new SensitivityRequest { Parameters = ["firstProject", "grantResponse", "durationFactor"], Range = 0.3, Trajectories = 2 },
        Sweep = new SweepRequest { SubsidyRates = [0.2m, 0.5m], ProjectCaps = [3_000_000m], AnnualFunds = [20_000_000m, 200_000_000m] },
    };

    private static AnalysisDefinition Define(AnalysisRequest request)
    {
        var (definition, errors) = AnalysisValidator.Validate(request, ProgrammeCalendar.Default.ReportingMonth);
        Assert.True(definition is not null, string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
        return definition!;
    }

    [Fact]
    public async Task An_analysis_gives_the_same_answer_on_two_silos_as_in_one_process_and_its_directions_hold()
    {
        var definition = Define(Small());
        Assert.Equal(1 + 2 * 3 + 2 * (3 + 1) + 4, AnalysisRunner.Plan(definition).Count);
        var local = await AnalysisRunner.RunLocal(definition, parallel: 3);
        var grain = fixture.Client.GetGrain<IAnalysisGrain>($"test-{Guid.NewGuid():N}");
        await grain.Start(definition);
        AnalysisView? view = null;
        var seen = new HashSet<int>();
        await Eventually.Holds(async () =>
        {
            view = await grain.Get();
            seen.Add(view!.Done);
            return view.Status != "running";
        }, TimeSpan.FromSeconds(120), () => $"analysis at {view?.Done}/{view?.Total}");
        Assert.Equal("completed", view!.Status);
        Assert.Equal(Scenarios.Text(local), Scenarios.Text(view.Results));
        Assert.Equal(view.Total, view.Done);

        var first = local.Sensitivity.Single(p => p.Parameter == "firstProject");
        Assert.True(first.AtHigh.CoverageAtDeadline > first.AtLow.CoverageAtDeadline, "firms that start more often cover more");
        Assert.True(first.MorrisMuStar["coverageAtDeadline"] > 0);
        var response = local.Sensitivity.Single(p => p.Parameter == "grantResponse");
        Assert.True(response.AtHigh.AdditionalCovered >= response.AtLow.AdditionalCovered);
        // A bigger fund pays more; at a given fund a higher rate pays more; the frontier holds the undominated points.
        var sweep = local.Sweep;
        Assert.Equal(4, sweep.Length);
        Assert.True(sweep.Single(p => p.SubsidyRate == 0.5m && p.AnnualFund == 200_000_000m).Result.Grants
            > sweep.Single(p => p.SubsidyRate == 0.5m && p.AnnualFund == 20_000_000m).Result.Grants);
        Assert.Contains(sweep, p => p.Frontier);
        Assert.All(sweep.Where(p => p.Frontier), p => Assert.DoesNotContain(sweep, q =>
            q.Result.Grants < p.Result.Grants && q.Result.CoverageAtDeadline > p.Result.CoverageAtDeadline));
    }

    [Fact]
    public void The_cache_key_is_the_request_with_its_defaults_and_the_model_version()
    {
        var a = Define(Small());
        var explicitDefaults = Small();
        explicitDefaults.Sensitivity!.Levels = 4;
        explicitDefaults.Sweep!.Design = "grid";
        Assert.Equal(AnalysisRunner.Key(a), AnalysisRunner.Key(Define(explicitDefaults)));
        Assert.StartsWith(BehaviourModel.Version + "-", AnalysisRunner.Key(a));
        Assert.NotEqual(AnalysisRunner.Key(a), AnalysisRunner.Key(a with { ModelVersion = "m-next" }));
        var other = Small();
        other.Scenario!.Seed = 6;
        Assert.NotEqual(AnalysisRunner.Key(a), AnalysisRunner.Key(Define(other)));
        Assert.True(ScenarioRequestValidatorAccepts(AnalysisRunner.Key(a)));
    }

    [Fact]
    public void A_bad_analysis_request_names_each_field()
    {
        var (definition, errors) = AnalysisValidator.Validate(new AnalysisRequest
        {
            Scenario = new ScenarioRequest { Baseline = "live" },
            Sensitivity = new SensitivityRequest { Parameters = ["nonsense"], Range = 2 },
            Sweep = new SweepRequest { SubsidyRates = [1.5m], Design = "random" },
        }, ProgrammeCalendar.Default.ReportingMonth);
        Assert.Null(definition);
        foreach (var field in new[] { "scenario.baseline", "sensitivity.parameters", "sensitivity.range", "sweep.subsidyRates", "sweep.design" })
            Assert.True(errors.ContainsKey(field), $"no error for {field}: {string.Join(", ", errors.Keys)}");
    }

    private static bool ScenarioRequestValidatorAccepts(string id) => Programme.Web.Api.ScenarioApi.ValidId(id);
}
