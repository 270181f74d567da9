using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Programme.Domain;
using Programme.Grains.Simulation;
using Programme.Simulation;

namespace Programme.Silo;

/// <summary>
/// <c>analysis [--request body.json] [--runs N] [--seed S] [--out DIR] [--direct]</c>: a sensitivity analysis and policy
/// sweep headless (the body of POST /api/analyses; without one: every parameter and the default 3 × 3 × 3 sweep) —
/// through the analysis and worker grains of a silo in this process (default) or, with <c>--direct</c>, the same
/// evaluations on this process's threads; the answer is the same. Writes DIR/analysis.json, sensitivity.csv, sweep.csv.
/// </summary>
public static class AnalysisCommand
{
    public static async Task<int> Run(string[] args)
    {
        CommandOptions o;
        AnalysisRequest request;
        try
        {
            o = CommandOptions.Parse(args);
            request = o.String("--request") is { } file
                ? JsonSerializer.Deserialize<AnalysisRequest>(File.ReadAllText(file), SimulateCommand.Json) ?? new AnalysisRequest()
                : new AnalysisRequest { Sensitivity = new SensitivityRequest(), Sweep = new SweepRequest() };
            request.Scenario ??= new ScenarioRequest();
            if (o.String("--runs") is not null) request.Scenario.Runs = o.Int("--runs", 20);
            if (o.String("--seed") is not null) request.Scenario.Seed = o.Long("--seed", 42);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or IOException or JsonException)
        {
            Console.Error.WriteLine($"analysis: {ex.Message}");
            return 2;
        }
        var (definition, errors) = AnalysisValidator.Validate(request, ProgrammeCalendar.Default.ReportingMonth);
        if (definition is null)
        {
            foreach (var (field, rules) in errors) Console.Error.WriteLine($"analysis: {field}: {string.Join("; ", rules)}");
            return 2;
        }
        var output = o.String("--out") ?? "analysis";
        var watch = System.Diagnostics.Stopwatch.StartNew();
        AnalysisResults results;
        if (o.Flag("--direct"))
            results = await AnalysisRunner.RunLocal(definition, Environment.ProcessorCount, (done, total) => Console.Error.WriteLine($"{done}/{total} scenario runs"));
        else
        {
            using var host = await LocalSilo.Start("empty");
            var grain = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IAnalysisGrain>(AnalysisRunner.Key(definition));
            var view = await grain.Start(definition);
            var last = -1;
            while (view.Status == "running")
            {
                if (view.Done != last) Console.Error.WriteLine($"{last = view.Done}/{view.Total} scenario runs");
                await Task.Delay(100);
                view = (await grain.Get())!;
            }
            await host.StopAsync();
            if (view.Status != "completed")
            {
                Console.Error.WriteLine($"analysis: {view.Status}: {view.Error}");
                return 1;
            }
            results = view.Results!;
        }
        Directory.CreateDirectory(output);
        await File.WriteAllTextAsync(Path.Combine(output, "analysis.json"), JsonSerializer.Serialize(new { id = AnalysisRunner.Key(definition), request = definition, results }, SimulateCommand.Json));
        var s = new StringBuilder("parameter,default,low,high,coverage_low,coverage_high,additional_covered_low,additional_covered_high,morris_mu_star_coverage,morris_sigma_coverage\n");
        foreach (var p in results.Sensitivity)
            s.AppendLine(string.Join(',', new object[] { p.Parameter, p.Default, p.Low, p.High, p.AtLow.CoverageAtDeadline, p.AtHigh.CoverageAtDeadline,
                p.AtLow.AdditionalCovered, p.AtHigh.AdditionalCovered, p.MorrisMuStar["coverageAtDeadline"], p.MorrisSigma["coverageAtDeadline"] }.Select(Text)));
        await File.WriteAllTextAsync(Path.Combine(output, "sensitivity.csv"), s.ToString());
        var w = new StringBuilder("subsidy_rate,project_cap_yuan,annual_fund_yuan,coverage_at_deadline,p_full_coverage,additional_covered,grants_yuan,cost_per_newly_covered_firm_yuan,frontier\n");
        foreach (var p in results.Sweep)
            w.AppendLine(string.Join(',', new object?[] { p.SubsidyRate, p.ProjectCap, p.AnnualFund, p.Result.CoverageAtDeadline, p.Result.ProbabilityFullCoverage,
                p.Result.AdditionalCovered, p.Result.Grants, p.Result.CostPerNewlyCoveredFirm, p.Frontier }.Select(Text)));
        await File.WriteAllTextAsync(Path.Combine(output, "sweep.csv"), w.ToString());
        Console.Error.WriteLine($"done: {results.Evaluations} scenario runs in {watch.Elapsed.TotalSeconds:0.0} s; wrote {output}/");
        return 0;
    }

    private static string Text(object? v) => v switch
    {
        null => "",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };
}
