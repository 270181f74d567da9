using Programme.Commands;
using Programme.Domain;
using Programme.Grains.Enterprises;

namespace Programme.Tests.Rules;

/// <summary>The audit trail's "field: before → after" for each kind of change, exactly as a reader of the history sees it.</summary>
public sealed class EnterpriseDiffTests
{
    private static readonly ProgrammeCalendar Calendar = ProgrammeCalendar.Default; // reported to 2022-08
    private static YearMonth M(int y, int m) => new(y, m);

    private static readonly Enterprise Firm = new()
    {
        Id = "firm-1", Name = "某企业", CountyId = "lingbao", Sector = "gold", AboveScale = true, Status = OperatingStatus.Active,
        Projects =
        [
            new() { Id = "p1", Name = "一", Kind = ProjectKind.Green, TotalInvestment = 1_000m, StartMonth = M(2022, 2), EndMonth = M(2022, 12),
                Status = ProjectStatus.Planned, Entry = ProjectEntry.Entered },
            new() { Id = "p7", Name = "七", Kind = ProjectKind.Green, TotalInvestment = 500m, StartMonth = M(2021, 1), EndMonth = M(2022, 12),
                Status = ProjectStatus.Underway, Entry = ProjectEntry.Entered, Monthly = [new(M(2021, 6), 100m), new(M(2022, 3), 50m)] },
        ],
    };

    private static string[] Lines(Enterprise? before, Enterprise after) =>
        [.. EnterpriseDiff.Between(before, after).Select(c => $"{c.Field}: {c.Before ?? "∅"} → {c.After ?? "∅"}")];

    private static Enterprise Apply(EnterpriseRules.Outcome outcome) => outcome.Next ?? throw new InvalidOperationException("refused or unchanged");

    [Fact]
    public void Registering_records_every_field_it_sets()
    {
        var created = Apply(EnterpriseRules.Upsert("firm-2", null, new UpsertEnterprise("新企业", "mianchi", "food", true, "halted") { AboveScaleSince = 2021 }, Calendar));
        Assert.Equal(["name: ∅ → 新企业", "countyId: ∅ → mianchi", "sector: ∅ → food", "aboveScale: ∅ → true", "aboveScaleSince: ∅ → 2021", "status: ∅ → halted"],
            Lines(null, created));
    }

    [Fact]
    public void A_month_reported_changed_or_cleared_is_one_line_with_a_missing_month_as_zero()
    {
        var added = Apply(EnterpriseRules.ReportProgress(Firm, new ReportProgress("p7", "2022-05", 30m), Calendar));
        Assert.Equal(["projects/p7/monthly/2022-05: 0 → 30"], Lines(Firm, added));
        var changed = Apply(EnterpriseRules.ReportProgress(added, new ReportProgress("p7", "2021-06", 99.5m), Calendar));
        Assert.Equal(["projects/p7/monthly/2021-06: 100 → 99.5"], Lines(added, changed));
        var cleared = Apply(EnterpriseRules.ReportProgress(changed, new ReportProgress("p7", "2022-03", 0m), Calendar));
        Assert.Equal(["projects/p7/monthly/2022-03: 50 → 0"], Lines(changed, cleared));
        // Money going into a planned project starts it: the status line comes before the month.
        var started = Apply(EnterpriseRules.ReportProgress(Firm, new ReportProgress("p1", "2022-04", 10m), Calendar));
        Assert.Equal(["projects/p1/status: planned → underway", "projects/p1/monthly/2022-04: 0 → 10"], Lines(Firm, started));
    }

    [Fact]
    public void A_new_project_is_described_with_its_months_and_an_equal_copy_records_nothing()
    {
        var grown = Apply(EnterpriseRules.AddProject(Firm, new AddProject("二期", "intelligent", 2_000m, 300m, "2022-06", "2023-05", "planned") { PlanningBatch = "2022-3" }));
        Assert.Equal(["projects/p8: ∅ → 二期; intelligent; 2000; 300; 2022-06–2023-05; planned; proposed; 2022-3"], Lines(Firm, grown));
        var withMonths = Firm with { Projects = [Firm.Projects[0], Firm.Projects[1], grown.Projects[2] with { Monthly = [new(M(2022, 6), 5m), new(M(2022, 7), 6m)] }] };
        Assert.Equal(["projects/p8: ∅ → 二期; intelligent; 2000; 300; 2022-06–2023-05; planned; proposed; 2022-3",
            "projects/p8/monthly/2022-06: ∅ → 5", "projects/p8/monthly/2022-07: ∅ → 6"], Lines(Firm, withMonths));

        // Rebuilt but equal (other objects, same values, months in another array): no line at all.
        var rebuilt = Firm with
        {
            Name = new string([.. Firm.Name]),
            Projects = [.. Firm.Projects.Select(p => p with { Monthly = [.. p.Monthly.Select(m => m with { })] })],
        };
        Assert.Empty(Lines(Firm, rebuilt));
        // Amounts that differ below the recorded 0.01 yuan read the same: no line either.
        var fraction = Firm with { Projects = [Firm.Projects[0], Firm.Projects[1] with { Monthly = [new(M(2021, 6), 100.001m), new(M(2022, 3), 50m)] }] };
        Assert.Empty(Lines(Firm, fraction));
    }

    [Fact]
    public void Project_fields_status_and_grants_each_get_their_line()
    {
        var renamed = Firm with
        {
            Status = OperatingStatus.SemiHalted, CloudSince = M(2022, 5),
            Projects = [Firm.Projects[0] with { Name = "一号", Key = true, Entry = ProjectEntry.Exited, ExitReason = "cancelled" }, Firm.Projects[1]],
            Grants = [new GrantReceived { BatchId = "b1", ProjectId = "p7", Awarded = 80m, Disbursed = 0m }],
        };
        Assert.Equal([
            "status: active → semi-halted", "cloudSince: ∅ → 2022-05",
            "projects/p1/name: 一 → 一号", "projects/p1/entry: entered → exited", "projects/p1/exitReason: ∅ → cancelled", "projects/p1/key: false → true",
            "grants/b1/p7/awarded: ∅ → 80", "grants/b1/p7/disbursed: ∅ → 0",
        ], Lines(Firm, renamed));
    }
}
