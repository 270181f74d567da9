using Programme.Domain;
using Programme.Grants;

namespace Programme.Grains.Grants;

/// <summary>Builds a batch's board from its applications: counts, amounts, class split, stages, funnel, ledger, counties, waiting list.</summary>
public static class BatchBoardBuilder
{
    public const string Returned = "returned", WaitingList = "waiting-list", Declined = "declined", Disbursed = "disbursed";

    public static string Scope(string batchId) => $"batch:{batchId}";

    public static BatchBoard Build(FundingBatch b, DateTimeOffset now)
    {
        var apps = b.Applications;
        var stages = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in Enum.GetValues<ReviewStage>()) stages[Wire.NameOf(s)] = 0;
        stages[Returned] = stages[WaitingList] = stages[Declined] = stages[Disbursed] = 0;
        var reached = new int[Enum.GetValues<ReviewStage>().Length];
        var pending = new int[reached.Length];
        var onNotice = 0;
        var awaitingNotice = 0;
        foreach (var a in apps)
        {
            var key = a.Status switch
            {
                ApplicationStatus.Returned => Returned,
                ApplicationStatus.Waiting => WaitingList,
                ApplicationStatus.Declined => Declined,
                ApplicationStatus.Disbursed => Disbursed,
                _ => Wire.NameOf(a.Stage),
            };
            stages[key]++;
            // A waiting application has been through the panel but not yet into the audit.
            var furthest = a.Status == ApplicationStatus.Waiting ? ReviewStage.ExpertPanel : a.Stage;
            for (var s = 0; s <= (int)furthest; s++) reached[s]++;
            if (a.Status is ApplicationStatus.Pending or ApplicationStatus.Awarded) pending[(int)a.Stage]++;
            if (a.Stage == ReviewStage.PublicNotice && a.Status == ApplicationStatus.Pending)
            {
                if (a.NoticeUntil is null) awaitingNotice++;
                else if (now < a.NoticeUntil) onNotice++;
            }
        }

        var waiting = Pipeline.Waiting(b).Select((a, i) => new WaitingEntry
        {
            Rank = i + 1, ApplicationId = a.Id, EnterpriseName = a.EnterpriseName, ProjectName = a.ProjectName, CountyId = a.CountyId,
            Class = a.Class, Amount = a.Amount, Score = a.Score,
        }).ToList();
        var committed = Pipeline.Committed(b);
        var awarded = apps.Where(a => a.IsAwarded).ToList();

        return new BatchBoard
        {
            Scope = Scope(b.Id), Version = b.Version, Id = b.Id, Name = b.Call.Name, Status = Status(b), Budget = b.Call.Budget,
            Applications = apps.Length, Requested = apps.Sum(a => a.Requested), Awarded = awarded.Count,
            AwardedAmount = awarded.Sum(a => a.Awarded), Disbursed = apps.Sum(a => a.Disbursed),
            Subsidy = Figures(apps.Where(a => a.Class == GrantClass.Subsidy)),
            Reward = Figures(apps.Where(a => a.Class == GrantClass.Reward)),
            Stages = stages,
            Funnel = [.. Enum.GetValues<ReviewStage>().Select(s => new FunnelStep(s, reached[(int)s], pending[(int)s]))],
            Ledger = new BatchLedger
            {
                Cap = b.Call.Budget, Committed = committed, Awarded = awarded.Sum(a => a.Awarded), Disbursed = apps.Sum(a => a.Disbursed),
                Remaining = b.Call.Budget - committed, WaitingList = waiting.Count, WaitingAmount = waiting.Sum(w => w.Amount),
            },
            Counties = [.. CountyCatalogue.All.Select(c => County(c, apps.Where(a => a.CountyId == c.Id)))],
            WaitingList = waiting,
            Call = b.Call,
            OnNotice = onNotice,
            AwaitingNotice = awaitingNotice,
            AcceptingApplications = b.Accepting,
            UpdatedAt = b.UpdatedAt,
        };
    }

    /// <summary>Open while taking applications; then reviewing while any is in the pipeline, disbursing while awards are unpaid; else closed.</summary>
    public static BatchStatus Status(FundingBatch b)
    {
        if (b.Accepting) return BatchStatus.Open;
        if (b.Applications.Any(a => a.Status is ApplicationStatus.Pending or ApplicationStatus.Returned or ApplicationStatus.Waiting))
            return BatchStatus.Reviewing;
        return b.Applications.Any(a => a.Status == ApplicationStatus.Awarded) ? BatchStatus.Disbursing : BatchStatus.Closed;
    }

    private static BatchClassFigures Figures(IEnumerable<GrantApplication> apps)
    {
        var list = apps.ToList();
        var awarded = list.Where(a => a.IsAwarded).ToList();
        return new BatchClassFigures
        {
            Applications = list.Count, Requested = list.Sum(a => a.Requested), Awarded = awarded.Count,
            AwardedAmount = awarded.Sum(a => a.Awarded), Disbursed = list.Sum(a => a.Disbursed),
            TotalInvestment = list.Sum(a => a.TotalInvestment), CompletedInWindow = list.Sum(a => a.CompletedInWindow),
        };
    }

    private static BatchCountyRow County(County c, IEnumerable<GrantApplication> apps)
    {
        var list = apps.ToList();
        var awarded = list.Where(a => a.IsAwarded).ToList();
        return new BatchCountyRow
        {
            Id = c.Id, Name = c.NameZh, Applications = list.Count, Requested = list.Sum(a => a.Requested), Awarded = awarded.Count,
            AwardedAmount = awarded.Sum(a => a.Awarded), Disbursed = list.Sum(a => a.Disbursed),
        };
    }
}
