using Programme.Domain;
using Programme.Grains.Data;
using Programme.Grains.Grants;
using Programme.Grants;

namespace Programme.Tests.Grants;

/// <summary>Batch 2022-1 in the default data: the seed's figures, each following from the registry under the batch's rules.</summary>
public sealed class Batch2022DataTests
{
    private static readonly Dataset Data = SanmenxiaDataset.Generate();
    private static BatchSeed Batch => Data.Batches.Single(b => b.Id == "2022-1");

    [Fact]
    public void The_batch_holds_the_seeds_figures()
    {
        var apps = Batch.Applications;
        var subsidy = apps.Where(a => a.Class == GrantClass.Subsidy).ToList();
        var reward = apps.Where(a => a.Class == GrantClass.Reward).ToList();
        Assert.Equal((54, 100_657_200m), (apps.Count, apps.Sum(a => a.Requested)));
        Assert.Equal((38, 95_557_200m, 1_216_000_000m, 318_000_000m),
            (subsidy.Count, subsidy.Sum(a => a.Requested), subsidy.Sum(a => a.TotalInvestment), subsidy.Sum(a => a.CompletedInWindow)));
        Assert.Equal((16, 5_100_000m), (reward.Count, reward.Sum(a => a.Requested)));
        Assert.Equal((44, 85_465_700m), (apps.Count(a => a.IsAwarded), apps.Where(a => a.IsAwarded).Sum(a => a.Awarded)));
        Assert.Equal((32, 81_865_700m), (subsidy.Count(a => a.IsAwarded), subsidy.Sum(a => a.Awarded)));
        Assert.Equal((12, 3_600_000m), (reward.Count(a => a.IsAwarded), reward.Sum(a => a.Awarded)));
        Assert.Equal(10, apps.Count(a => a.Status == ApplicationStatus.Declined));
        Assert.All(apps.Where(a => a.IsAwarded), a => Assert.Equal(0m, a.Disbursed));
    }

    [Fact]
    public void Every_application_follows_from_a_real_project_under_the_batchs_rules()
    {
        var firms = Data.Enterprises.ToDictionary(e => e.Id);
        var batch = Batch;
        Assert.Equal(54, batch.Applications.Select(a => (a.EnterpriseId, a.ProjectId)).Distinct().Count());
        foreach (var a in batch.Applications)
        {
            var firm = firms[a.EnterpriseId];
            var project = firm.Projects.Single(p => p.Id == a.ProjectId);
            Assert.Equal(firm.CountyId, a.CountyId);
            Assert.Null(AwardRules.Ineligibility(batch.Call, firm, project, a.Class, a.Result));
            Assert.Equal(AwardRules.Requested(batch.Call, project, a.Class, a.Result), a.Requested);
            Assert.Equal(AwardRules.CompletedInWindow(project, batch.Call.WindowFrom, batch.Call.WindowTo), a.CompletedInWindow);
            Assert.Equal(project.TotalInvestment, a.TotalInvestment);
            Assert.True(a.Amount <= a.Requested);
            var grant = firm.Grants.SingleOrDefault(g => g.BatchId == "2022-1" && g.ProjectId == a.ProjectId);
            if (a.IsAwarded) Assert.Equal((a.Class, a.Awarded, 0m), (grant!.Class, grant.Awarded, grant.Disbursed));
            else Assert.Null(grant);
            Assert.Equal(HistoryAction.Applied, a.History[0].Action);
            Assert.True(a.History.Zip(a.History.Skip(1)).All(x => x.First.At <= x.Second.At), $"application {a.Id}'s history runs backwards");
        }
    }

    [Fact]
    public void The_registry_keeps_its_totals_and_the_earlier_grants()
    {
        // The programme's figures count projects implemented; planned and exited ones of the project database stay apart.
        var above = Data.Enterprises.Where(e => e.AboveScale).SelectMany(e => e.Projects).Where(p => p.Implemented).ToList();
        Assert.Equal(67_000_000_000m, above.Sum(p => p.TotalInvestment));
        Assert.Equal(35_800_000_000m, above.Sum(p => p.Invested));
        Assert.All(above.Where(p => p.EndMonth < new YearMonth(2022, 1)), p => Assert.Equal(p.TotalInvestment, p.Invested));
        var earlier = Data.Enterprises.SelectMany(e => e.Grants).Where(g => g.BatchId != "2022-1").ToList();
        Assert.Equal((154, 205_000_000m, 205_000_000m), (earlier.Count, earlier.Sum(g => g.Awarded), earlier.Sum(g => g.Disbursed)));
    }
}
