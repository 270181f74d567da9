using Microsoft.Extensions.Logging;
using Programme.Domain;
using Programme.Grains.Counties;
using Programme.Grains.Hosting;

namespace Programme.Grains.Data;

/// <summary>
/// Loads a dataset into the grains once. Seeding an enterprise is create-if-absent, so a load interrupted half-way
/// and run again neither duplicates nor overwrites what agents have changed since.
/// </summary>
public sealed class DatasetGrain(
    [PersistentState("dataset", StorageNames.Programme)] IPersistentState<DatasetState> state,
    ReportBuffer buffer,
    TimeProvider clock,
    ILogger<DatasetGrain> logger) : Grain, IDatasetGrain
{
    private const int Parallelism = 64;

    public Task<DatasetStatus> GetStatus() => Task.FromResult(Status());

    public async Task<DatasetStatus> EnsureLoaded()
    {
        if (state.State.Loaded) return Status();
        var name = this.GetPrimaryKeyString();
        var dataset = name switch
        {
            SanmenxiaDataset.Name => SanmenxiaDataset.Generate(),
            "empty" => new Dataset("empty", [], new ProgrammeTargets(), new Dictionary<string, ProgrammeTargets>()),
            _ => throw new ArgumentException($"Unknown dataset '{name}'. Known: {SanmenxiaDataset.Name}, empty."),
        };
        StartupTimeline.Mark("dataset generated");
        var started = clock.GetTimestamp();
        await GrainFactory.GetGrain<ICityGrain>(GrainKeys.City).SetTargets(dataset.CityTargets);
        await Task.WhenAll(dataset.CountyTargets.Select(kv => GrainFactory.GetGrain<ICountyGrain>(kv.Key).SetTargets(kv.Value)));
        StartupTimeline.Mark("targets set");
        // One roster write per county up front, instead of one per enterprise as each is seeded.
        await Task.WhenAll(dataset.Enterprises.GroupBy(e => e.CountyId)
            .Select(g => GrainFactory.GetGrain<ICountyRosterGrain>(g.Key).Enrol(g.Select(e => e.Id).ToArray())));
        StartupTimeline.Mark("rosters enrolled");
        for (var i = 0; i < dataset.Enterprises.Count; i += Parallelism)
        {
            var chunk = dataset.Enterprises.Skip(i).Take(Parallelism)
                .Select(e => GrainFactory.GetGrain<IEnterpriseGrain>(e.Id).Seed(e));
            await Task.WhenAll(chunk);
        }
        StartupTimeline.Mark("enterprises seeded");
        // After the firms: a batch's awards refer to their projects. Meanwhile the boards take the firms in now rather
        // than a buffer interval and a county flush later (firms seeded on another silo report through that silo's buffer).
        await Task.WhenAll(ReportNow(dataset), Task.WhenAll(dataset.Batches.Select(b => GrainFactory.GetGrain<IFundingBatchGrain>(b.Id).Seed(b))));
        StartupTimeline.Mark("funding batches seeded, boards told");
        state.State = new DatasetState { Loaded = true, Enterprises = dataset.Enterprises.Count, LoadedAt = clock.GetUtcNow() };
        await state.WriteStateAsync();
        logger.LogInformation("Dataset {Name} loaded: {Count} enterprises in {Elapsed}", name, dataset.Enterprises.Count, clock.GetElapsedTime(started));
        return Status();
    }

    private async Task ReportNow(Dataset dataset)
    {
        await buffer.Flush();
        await Task.WhenAll(dataset.Enterprises.Select(e => e.CountyId).Distinct(StringComparer.Ordinal)
            .Select(c => GrainFactory.GetGrain<ICountyGrain>(c).ReportNow()));
    }

    private DatasetStatus Status() =>
        new(this.GetPrimaryKeyString(), state.State.Loaded, state.State.Enterprises, state.State.LoadedAt);
}
