using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Programme.Domain;
using Programme.Grains.Simulation;
using Programme.Simulation;

namespace Programme.Silo;

/// <summary>
/// <c>simulate [--request body.json] [--baseline B] [--seed S] [--start YYYY-MM] [--months N] [--runs N] [--enterprises N]
/// [--subsidy-rate R] [--project-cap Y] [--annual-fund Y] [--fund-capped] [--reward Y] [--machine-ratio R] [--batch-months 4,10]
/// [--county-push X] [--deadline YYYY-MM] [--out DIR] [--direct]</c>: runs one scenario headless — through the scenario
/// and shard grains of a silo in this process (default), or with <c>--direct</c> through the same engine without
/// Orleans — and writes DIR/scenario.json (the GET /api/scenarios/{id} shape) and CSV files. Progress goes to stderr.
/// </summary>
public static class SimulateCommand
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    public static async Task<int> Run(string[] args)
    {
        CommandOptions o;
        ScenarioRequest request;
        try
        {
            o = CommandOptions.Parse(args);
            request = Request(o);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or IOException or JsonException)
        {
            Console.Error.WriteLine($"simulate: {ex.Message}");
            return 2;
        }
        var (definition, errors) = ScenarioRequestValidator.Validate(request, ProgrammeCalendar.Default.ReportingMonth, 639);
        if (definition is null)
        {
            foreach (var (field, rules) in errors) Console.Error.WriteLine($"simulate: {field}: {string.Join("; ", rules)}");
            return 2;
        }
        var output = o.String("--out") ?? "results";
        var view = o.Flag("--direct") ? await Direct(definition) : await ThroughGrains(definition);
        if (view.Status != ScenarioView.Completed)
        {
            Console.Error.WriteLine($"simulate: the scenario {view.Status}: {view.Error}");
            return 1;
        }
        Write(output, view);
        var r = view.Results!;
        Console.Error.WriteLine($"done: {view.Progress.EnterpriseMonths:N0} enterprise-months in {view.Progress.ElapsedSeconds:0.00} s; " +
            $"P(full coverage by {r.JudgedAt}) = {r.ProbabilityFullCoverage:0.###}; wrote {output}/");
        return 0;
    }

    private static ScenarioRequest Request(CommandOptions o)
    {
        var request = o.String("--request") is { } file
            ? JsonSerializer.Deserialize<ScenarioRequest>(File.ReadAllText(file), Json) ?? new ScenarioRequest()
            : new ScenarioRequest();
        request.Baseline = o.String("--baseline") ?? request.Baseline;
        request.Seed = o.String("--seed") is not null ? o.Long("--seed", 0) : request.Seed;
        request.StartMonth = o.String("--start") ?? request.StartMonth;
        request.Months = o.String("--months") is not null ? o.Int("--months", 0) : request.Months;
        request.Runs = o.String("--runs") is not null ? o.Int("--runs", 0) : request.Runs;
        request.Enterprises = o.String("--enterprises") is not null ? o.Int("--enterprises", 0) : request.Enterprises;
        request.Deadline = o.String("--deadline") ?? request.Deadline;
        var p = request.Policy ?? new PolicyRequest();
        p.SubsidyRate = o.Decimal("--subsidy-rate") ?? p.SubsidyRate;
        p.ProjectCap = o.Decimal("--project-cap") ?? p.ProjectCap;
        p.AnnualFund = o.Decimal("--annual-fund") ?? p.AnnualFund;
        p.FundCapped = o.Flag("--fund-capped") ? true : p.FundCapped;
        p.RewardAmount = o.Decimal("--reward") ?? p.RewardAmount;
        p.CountyPush = o.Decimal("--county-push") ?? p.CountyPush;
        p.MachineReplacesLabourRatio = o.Decimal("--machine-ratio") ?? p.MachineReplacesLabourRatio;
        if (o.String("--batch-months") is { } months)
            p.BatchMonths = months.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(m => int.Parse(m, CultureInfo.InvariantCulture)).ToArray();
        request.Policy = p;
        return request;
    }

    /// <summary>The same scenario and shard grains as POST /api/scenarios, in a one-silo cluster in this process.</summary>
    public static async Task<ScenarioView> ThroughGrains(ScenarioDefinition definition, bool quiet = false)
    {
        var data = definition.Baseline == ScenarioDefinition.LiveBaseline ? "sanmenxia-2022" : "empty";
        using var host = await LocalSilo.Start(data);
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var id = $"headless-{Guid.NewGuid():N}"[..24];
        var grain = grains.GetGrain<IScenarioGrain>(id);
        await grain.Start(definition, "headless");
        ScenarioView view;
        var last = -1;
        while (true)
        {
            view = (await grain.Get())!;
            if (!quiet && view.Progress.MonthsDone != last)
            {
                last = view.Progress.MonthsDone;
                Console.Error.WriteLine($"month {view.Progress.MonthsDone}/{view.Progress.Months} {view.Progress.LastMonth} " +
                    $"({view.Progress.EnterpriseMonths:N0} enterprise-months)");
            }
            if (view.Status != ScenarioView.Running) break;
            await Task.Delay(50);
        }
        await grain.Delete();
        await host.StopAsync();
        return view;
    }

    /// <summary>The same engine on in-process shards, one after another on this thread: no Orleans.</summary>
    public static async Task<ScenarioView> Direct(ScenarioDefinition definition, bool quiet = false)
    {
        var watch = Stopwatch.StartNew();
        var engine = new ScenarioEngine(definition, definition.Baseline == ScenarioDefinition.LiveBaseline ? LiveFromDataset(definition) : null,
            _ => new LocalShardRunner());
        await engine.Setup();
        while (engine.MonthsDone < definition.Months)
        {
            await engine.AdvanceTo(engine.MonthsDone + 12);
            if (!quiet) Console.Error.WriteLine($"month {engine.MonthsDone}/{definition.Months} ({engine.EnterpriseMonths:N0} enterprise-months)");
        }
        var elapsed = watch.Elapsed.TotalSeconds;
        return new ScenarioView
        {
            Id = "direct", Status = ScenarioView.Completed, Version = 1, Scope = "scenario:direct", Request = definition,
            Progress = new ScenarioProgress(engine.MonthsDone, definition.Months, definition.LastMonth.ToString(), engine.EnterpriseMonths, elapsed),
            Results = engine.Results(), CreatedAt = DateTimeOffset.UtcNow, ExpiresAt = DateTimeOffset.UtcNow,
        };
    }

    /// <summary>Without a cluster, "live" is the default data as loaded (what a fresh product holds).</summary>
    private static SeedFirm[] LiveFromDataset(ScenarioDefinition d) =>
        Populations.Live(Populations.RegistryEnterprises, d.StartMonth, d.Policy.BatchMonths);

    private static void Write(string directory, ScenarioView view)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "scenario.json"), JsonSerializer.Serialize(view, Json));
        var r = view.Results!;
        var months = new StringBuilder("arm,month,aboveScale,covered,coverage,coverageP5,coverageP95,projects,projectsP5,projectsP95,totalInvestment,investmentCompleted,investmentCompletedP5,investmentCompletedP95,grantsAwarded,belowScaleProjects,revived,certifications\n");
        foreach (var arm in r.Arms)
            foreach (var m in arm.Months)
                months.AppendLine(Csv(arm.Name, m.Month, m.AboveScale, m.Covered, m.Coverage, m.Bands.Coverage.P5, m.Bands.Coverage.P95, m.Projects,
                    m.Bands.Projects.P5, m.Bands.Projects.P95, m.TotalInvestment, m.InvestmentCompleted, m.Bands.InvestmentCompleted.P5,
                    m.Bands.InvestmentCompleted.P95, m.GrantsAwarded, m.BelowScaleProjects, m.Revived, m.Certifications));
        File.WriteAllText(Path.Combine(directory, "months.csv"), months.ToString());

        var counties = new StringBuilder("arm,county,aboveScale,probabilityFullCoverage,coverageAtDeadline\n");
        foreach (var arm in r.Arms)
            foreach (var c in arm.Counties) counties.AppendLine(Csv(arm.Name, c.Id, c.AboveScale, c.ProbabilityFullCoverage, c.CoverageAtDeadline));
        counties.AppendLine(Csv(r.Arms[0].Name, "city", r.Months.LastOrDefault()?.AboveScale ?? 0, r.ProbabilityFullCoverage, r.Months.LastOrDefault()?.Coverage ?? 0));
        File.WriteAllText(Path.Combine(directory, "counties.csv"), counties.ToString());

        var batches = new StringBuilder("arm,batch,callMonth,awardMonth,applications,requested,awarded,awardedAmount,complete\n");
        foreach (var arm in r.Arms)
            foreach (var b in arm.Batches)
                batches.AppendLine(Csv(arm.Name, b.Id, b.CallMonth, b.AwardMonth, b.Applications, b.Requested, b.Awarded, b.AwardedAmount, b.Complete));
        File.WriteAllText(Path.Combine(directory, "batches.csv"), batches.ToString());

        var comparison = new StringBuilder("arm,twin,additionalProjects,additionalInvestment,additionalInvestmentCompleted,additionalCovered,grants,leverageRatio,additionalInvestmentPerYuan,costPerNewlyCoveredFirm,fundedInvestment,additionalShareOfFunded\n");
        foreach (var arm in r.Arms.Where(a => a.Comparison is not null))
        {
            var c = arm.Comparison!;
            comparison.AppendLine(Csv(arm.Name, arm.Twin ?? "", c.AdditionalProjects, c.AdditionalInvestment, c.AdditionalInvestmentCompleted, c.AdditionalCovered,
                c.Grants, c.LeverageRatio?.ToString(CultureInfo.InvariantCulture) ?? "", c.AdditionalInvestmentPerYuan?.ToString(CultureInfo.InvariantCulture) ?? "",
                c.CostPerNewlyCoveredFirm?.ToString(CultureInfo.InvariantCulture) ?? "", c.FundedInvestment,
                c.AdditionalShareOfFunded?.ToString(CultureInfo.InvariantCulture) ?? ""));
        }
        File.WriteAllText(Path.Combine(directory, "comparison.csv"), comparison.ToString());
    }

    private static string Csv(params object[] values) => string.Join(',', values.Select(v => v switch
    {
        string s when s.Contains(',') || s.Contains('"') => $"\"{s.Replace("\"", "\"\"")}\"",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString(),
    }));
}
