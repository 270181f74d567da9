using Programme.Domain;
using Programme.Grains;
using Programme.Grains.Counties;
using Programme.Grains.Simulation;
using Programme.Simulation;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Simulation;

/// <summary>A live fork reads every firm of a county from its roster, however many there are.</summary>
public sealed class CountyRosterForkTests(SimulationClusterFixture fixture) : IClassFixture<SimulationClusterFixture>
{
    [Fact]
    public async Task A_county_of_600_firms_forks_all_600()
    {
        var grains = fixture.Client;
        const string county = "lingbao";
        var templates = Populations.RegistryEnterprises.Where(e => e.CountyId == county).ToArray();
        var firms = Enumerable.Range(0, 600).Select(i => templates[i % templates.Length] with
        {
            Id = $"roster-{i:D4}", Name = $"企业{i:D4}", CountyId = county, Version = 1,
        }).ToArray();
        await grains.GetGrain<ICountyRosterGrain>(county).Enrol(firms.Select(f => f.Id).ToArray());
        foreach (var chunk in firms.Chunk(100))
            await Task.WhenAll(chunk.Select(f => grains.GetGrain<IEnterpriseGrain>(f.Id).Seed(f)));

        Assert.Equal(600, (await CountyFirms.Read(grains, county)).Count);
        var definition = Scenarios.Define(new ScenarioRequest { Baseline = "live", Runs = 2, Months = 2 });
        var view = await Scenarios.RunInCluster(grains, definition);
        Assert.Equal(600, view.Results!.Enterprises);
        var lingbao = view.Results.Counties.Single(c => c.Id == county);
        Assert.Equal(firms.Count(f => f.AboveScale), lingbao.AboveScale);
    }
}
