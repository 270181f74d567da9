using Programme.Commands;
using Programme.Grains;
using Programme.Grants;

namespace Programme.Tests.Grants;

/// <summary>Firms, projects and batches for grant tests, made through the grains' own commands; each test uses its own keys.</summary>
internal sealed class GrantsWorld(IGrainFactory grains)
{
    public static readonly ChangeContext City = new("city-staff", "test");
    public static ChangeContext Agent(string county) => new($"{county}-agent", "test", null, county);

    /// <summary>A firm of the county with one underway project that invested <paramref name="invested"/> in 2022-03.</summary>
    public async Task<(string Firm, string Project)> Firm(string county, decimal invested, string kind = "technical")
    {
        var id = $"g-{Guid.NewGuid():N}"[..30];
        var firm = grains.GetGrain<IEnterpriseGrain>(id);
        Check(await firm.Upsert(new UpsertEnterprise($"测试企业{id[^6..]}", county, "equipment", true, "active"), City));
        var project = await firm.AddProject(new AddProject("设备升级改造", kind, invested * 4, invested * 2, "2022-01", "2023-06", "underway"), City);
        Check(project);
        Check(await firm.ReportProgress(new ReportProgress(project.CreatedId!, "2022-03", invested), City));
        return (id, project.CreatedId!);
    }

    private static void Check(CommandResult r) => Assert.True(r.Succeeded, $"{r.Outcome}: {string.Join("; ", r.Errors.Select(e => $"{e.Key} {string.Join(",", e.Value)}"))}");

    /// <summary>A batch over 2022-01…2022-08: subsidy 30 % capped at 50 万, rewards for smart workshops; the budget as given.</summary>
    public async Task<IFundingBatchGrain> Batch(decimal? budget = null)
    {
        var batch = grains.GetGrain<IFundingBatchGrain>($"t-{Guid.NewGuid():N}"[..20]);
        var created = await batch.Create(new CreateBatch("测试批次", "2022-01", "2022-08", ["intelligent", "green", "technical"],
            new SubsidyTerms(0.3m, 500_000m), new Dictionary<string, decimal?> { ["smart-workshop"] = 300_000m }, budget), City);
        Assert.Equal(BatchOutcome.Accepted, created.Outcome);
        return batch;
    }

    public static async Task<int> Apply(IFundingBatchGrain batch, (string Firm, string Project) p, ChangeContext? who = null)
    {
        var r = await batch.Apply(new ApplyForGrant(p.Firm, p.Project, "subsidy"), who ?? City);
        Assert.True(r.Outcome == BatchOutcome.Accepted, $"{r.Outcome} {r.Detail} {string.Join(";", r.Errors.Select(e => e.Key + ":" + string.Join(",", e.Value)))}");
        return r.ApplicationId!.Value;
    }

    public static Task<BatchResult> Decide(IFundingBatchGrain batch, int id, ReviewStage stage, string decision, ChangeContext who,
        string? note = null, decimal? amount = null, decimal? score = null, string? returnTo = null) =>
        batch.Decide(new DecideApplication(id, Programme.Domain.Wire.NameOf(stage), decision, note, amount, score, returnTo), who);

    /// <summary>Approves stage by stage, from where the application is, until it stands at <paramref name="until"/>.</summary>
    public static async Task Advance(IFundingBatchGrain batch, int id, ReviewStage until, decimal score = 80m)
    {
        while (true)
        {
            var app = (await batch.GetApplication(id))!;
            if (app.Stage >= until || app.Stage >= ReviewStage.PublicNotice) return;
            var r = await Decide(batch, id, app.Stage, "approve", City, score: app.Stage == ReviewStage.ExpertPanel ? score : null);
            Assert.True(r.Outcome == BatchOutcome.Accepted, $"{app.Stage}: {r.Outcome} {r.Detail}");
        }
    }
}
