namespace Programme.Grains.Forecasts;

/// <summary>
/// One early-warning rule (预警规则), declared in configuration ("Warnings:Rules"). It watches one figure of one target
/// through one comparison and raises an amber or a red warning past its thresholds:
/// <list type="bullet">
/// <item><c>value</c>: the figure itself (coverage in %, counts, money in 亿元);</item>
/// <item><c>percentOfTarget</c>: the figure as a % of its target;</item>
/// <item><c>pointsBehindCalendar</c>: percentage points the figure's share of target trails calendar progress (时间进度);</item>
/// <item><c>probability</c>: the forecast's probability (%) of meeting the target by the deadline;</item>
/// <item><c>expectedPercentOfTarget</c>: the forecast's expected value at the deadline as a % of target;</item>
/// <item><c>pointsBehindPlan</c> (scope project): points a project's investment this year trails its own annual plan at calendar pace;</item>
/// <item><c>monthsWithoutReport</c> (scope project): months up to the reporting month with no 月调度 report, the reporting month counting once its due day has passed;</item>
/// <item><c>planStatus</c> (scope firm, target coverage): an uncovered above-scale firm — 2 with no active plan, 1 with a plan starting after the deadline, 0 with a plan in time.</item>
/// </list>
/// </summary>
public sealed class WarningRule
{
    public string Id { get; set; } = "";

    /// <summary>Where the rule applies: "city", "county", "firm", "project".</summary>
    public string[] Scopes { get; set; } = [];

    /// <summary>The target key: coverage, projectsThisYear, completedThisYear, cloud, digital, smartCertifications, greenCertifications, schedule.</summary>
    public string Target { get; set; } = "";

    public string Comparison { get; set; } = "value";

    /// <summary>"below" (the figure is bad under the threshold) or "above"; empty: the comparison's natural direction.</summary>
    public string? WorseWhen { get; set; }

    public decimal? Amber { get; set; }
    public decimal? Red { get; set; }

    /// <summary>A red warning turns amber (or ends) only once the figure is back past this threshold (default: the amber one) — the shortfall made up.</summary>
    public decimal? RedClears { get; set; }

    /// <summary>Reason templates; placeholders in braces (see docs/contract-additions/h15a.md).</summary>
    public string Zh { get; set; } = "";
    public string En { get; set; } = "";

    public bool WorseAbove => WorseWhen is { Length: > 0 } w
        ? w.Equals("above", StringComparison.OrdinalIgnoreCase)
        : Comparison is "pointsBehindCalendar" or "pointsBehindPlan" or "monthsWithoutReport" or "planStatus";
}
