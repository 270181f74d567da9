using System.Text.Json;
using System.Text.Json.Serialization;
using Programme.Domain;
using Programme.Grains.Simulation;
using Programme.Simulation;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Simulation;

/// <summary>Small scenarios for tests, and helpers to run them and compare their results.</summary>
public static class Scenarios
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>Validates a request as the API does; fails the test on any error.</summary>
    public static ScenarioDefinition Define(ScenarioRequest request)
    {
        var (definition, errors) = ScenarioRequestValidator.Validate(request, ProgrammeCalendar.Default.ReportingMonth, 639);
        Assert.True(definition is not null, string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
        return definition!;
    }

    /// <summary>
    /// 36 months from 2020-01 for 40 runs (several shards), with an alternative policy and a capped fund small enough
    /// that batches are scaled across shards: everything the coordinator has to add up in a fixed order.
    /// </summary>
    public static ScenarioRequest Demanding() => new()
    {
        Baseline = "sanmenxia-2022", Seed = 7, StartMonth = "2020-01", Months = 36, Runs = 40,
        Policy = new PolicyRequest { FundCapped = true, AnnualFund = 40_000_000 },
        Alternatives = [new AlternativeRequest { Name = "generous", Policy = new PolicyRequest { SubsidyRate = 0.5m, BatchMonths = [4, 10] } }],
    };

    public static async Task<ScenarioResults> RunLocally(ScenarioDefinition definition, int firmRunsPerShard = ShardLayout.FirmRunsPerShard)
    {
        var engine = new ScenarioEngine(definition, null, _ => new LocalShardRunner(), firmRunsPerShard);
        await engine.Setup();
        await engine.AdvanceTo(definition.Months);
        return engine.Results();
    }

    public static async Task<ScenarioView> RunInCluster(IGrainFactory grains, ScenarioDefinition definition, string? id = null)
    {
        var grain = grains.GetGrain<IScenarioGrain>(id ?? $"test-{Guid.NewGuid():N}");
        await grain.Start(definition, "test");
        ScenarioView? view = null;
        await Eventually.Holds(async () => (view = await grain.Get())!.Status != ScenarioView.Running, TimeSpan.FromSeconds(60),
            () => $"scenario still running: {view?.Progress}");
        Assert.Equal(ScenarioView.Completed, view!.Status);
        return view;
    }

    public static string Text(object? value) => JsonSerializer.Serialize(value, Json);
}
