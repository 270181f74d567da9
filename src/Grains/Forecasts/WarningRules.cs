using System.Globalization;
using System.Text.RegularExpressions;
using Programme.Boards;
using Programme.Domain;

namespace Programme.Grains.Forecasts;

/// <summary>
/// Evaluates the configured rules (<see cref="WarningRule"/>) on the boards, their forecasts and the firms, with
/// hysteresis: a red warning stays red until its figure is back past <see cref="WarningRule.RedClears"/> (the shortfall
/// made up), and every warning keeps the time it was first raised. Pure: the same input and marks give the same output.
/// </summary>
public static partial class WarningRules
{
    public const string Red = "red", Amber = "amber";
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The level a figure gives under a rule, given the level it had before (hysteresis).</summary>
    public static string? Level(WarningRule rule, decimal x, string? previous)
    {
        bool Breach(decimal? t) => t is { } v && (rule.WorseAbove ? x >= v : x < v);
        var raw = Breach(rule.Red) ? Red : Breach(rule.Amber) ? Amber : null;
        if (previous == Red && raw != Red && Breach(rule.RedClears ?? rule.Amber ?? rule.Red)) return Red;
        return raw;
    }

    public static (List<RaisedWarning> Warnings, Dictionary<string, WarningMark> Marks) Evaluate(
        IReadOnlyList<WarningRule> rules, WarningInput input, IReadOnlyDictionary<string, WarningMark> previous)
    {
        var raised = new List<RaisedWarning>();
        var marks = new Dictionary<string, WarningMark>(StringComparer.Ordinal);
        foreach (var rule in rules.Where(r => r.Id.Length > 0))
            foreach (var (key, scope, x, county, firm, values) in Figures(rule, input))
            {
                var before = previous.GetValueOrDefault(key);
                var level = Level(rule, x, before?.Level);
                if (level is null) continue;
                var mark = new WarningMark(level, before?.Since ?? input.Now);
                marks[key] = mark;
                raised.Add(new RaisedWarning(key, scope, new BoardWarning(level, rule.Id, rule.Target, county, firm, mark.Since,
                    Fill(rule.Zh, values, zh: true), Fill(rule.En, values, zh: false))));
            }
        // Red first; city-wide before a county's, a county's before a firm's; then the rules' configured order, oldest first.
        var position = rules.Select((r, i) => (r.Id, i)).GroupBy(x => x.Id).ToDictionary(g => g.Key, g => g.First().i);
        raised = [.. raised.OrderBy(w => w.Warning.Level == Red ? 0 : 1).ThenBy(w => w.Warning.CountyId is null ? 0 : w.Warning.EnterpriseId is null ? 1 : 2)
            .ThenBy(w => position.GetValueOrDefault(w.Warning.Rule)).ThenBy(w => w.Warning.Since).ThenBy(w => w.Key, StringComparer.Ordinal)];
        return (raised, marks);
    }

    /// <summary>The warnings a board shows: the city's board every city, county and firm warning; a county's its own county, firm and project ones.</summary>
    public static IReadOnlyList<BoardWarning> ForBoard(IEnumerable<RaisedWarning> all, string? countyId) =>
        [.. all.Where(w => countyId is null ? w.RuleScope != "project" : w.Warning.CountyId == countyId && w.RuleScope != "city").Select(w => w.Warning)];

    private sealed record Text(string Zh, string En);

    private static IEnumerable<(string Key, string Scope, decimal X, string? County, string? Firm, Dictionary<string, Text> Values)> Figures(
        WarningRule rule, WarningInput input)
    {
        foreach (var scope in rule.Scopes)
            switch (scope)
            {
                case "city":
                    if (Board(rule, input, input.City, input.CityForecast, null) is { } c) yield return (Key(rule, null, null, null), scope, c.X, null, null, c.Values);
                    break;
                case "county":
                    foreach (var county in CountyCatalogue.All)
                        if (input.Counties.TryGetValue(county.Id, out var board)
                            && Board(rule, input, board, input.CountyForecasts.GetValueOrDefault(county.Id), county) is { } k)
                            yield return (Key(rule, county.Id, null, null), scope, k.X, county.Id, null, k.Values);
                    break;
                case "firm":
                    foreach (var f in input.Firms)
                        if (FirmFigure(rule, input, f) is { } x) yield return (Key(rule, f.CountyId, f.Id, null), scope, x, f.CountyId, f.Id, FirmValues(input, f, null, x));
                    break;
                case "project":
                    foreach (var f in input.Firms)
                        foreach (var p in f.Projects)
                            if (ProjectFigure(rule, input, p) is { } px)
                                yield return (Key(rule, f.CountyId, f.Id, p.Id), scope, px.X, f.CountyId, f.Id, FirmValues(input, f, p, px.X, px.Planned, px.Invested));
                    break;
            }
    }

    private static string Key(WarningRule rule, string? county, string? firm, string? project) => $"{rule.Id}|{county}|{firm}|{project}";

    private enum Unit { Share, Count, Money }

    private static (decimal Value, decimal Target, Unit Unit)? Figure(string target, Board b) => target switch
    {
        "coverage" => (b.Enterprises.Coverage, b.Targets.Coverage, Unit.Share),
        "projectsThisYear" => (b.Projects.ThisYear, b.Targets.ProjectsThisYear, Unit.Count),
        "completedThisYear" => (b.Investment.CompletedThisYear, b.Targets.CompletedThisYear, Unit.Money),
        "cloud" => (b.Cloud.ThisYear, b.Cloud.Target, Unit.Count),
        "digital" => (b.Digital.ThisYear, b.Digital.Target, Unit.Count),
        "smartCertifications" => (b.Certifications.SmartThisYear, b.Certifications.SmartTarget, Unit.Count),
        "greenCertifications" => (b.Certifications.GreenThisYear, b.Certifications.GreenTarget, Unit.Count),
        "schedule" when b.Schedule is { } s => (s.Completeness, 1m, Unit.Share),
        _ => null,
    };

    private static (decimal X, Dictionary<string, Text> Values)? Board(WarningRule rule, WarningInput input, Board b, BoardForecast? forecast, County? county)
    {
        if (Figure(rule.Target, b) is not { } f || f.Target <= 0) return null;
        var calendar = input.Calendar.CalendarProgress;
        var ofTarget = f.Value / f.Target;
        var predicted = forecast?.Targets.GetValueOrDefault(rule.Target);
        decimal? x = rule.Comparison switch
        {
            "value" => f.Unit switch { Unit.Share => f.Value * 100m, Unit.Money => f.Value / 1e8m, _ => f.Value },
            "percentOfTarget" => ofTarget * 100m,
            "pointsBehindCalendar" => (calendar - ofTarget) * 100m,
            "probability" => predicted is null ? null : (decimal)predicted.Probability * 100m,
            "expectedPercentOfTarget" => predicted is null ? null : predicted.Expected / f.Target * 100m,
            _ => null,
        };
        if (x is null) return null;
        var uncovered = input.Firms.Where(e => e.AboveScale && !e.Covered && (county is null || e.CountyId == county.Id)).OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        var values = new Dictionary<string, Text>
        {
            ["name"] = county is null ? new("全市", "The city") : new(county.NameZh, county.NameEn),
            ["value"] = Format(f.Value, f.Unit),
            ["target"] = Format(f.Target, f.Unit),
            ["percent"] = Same(Pct(ofTarget)),
            ["calendar"] = Same(Pct(calendar)),
            ["behind"] = Same(((calendar - ofTarget) * 100m).ToString("0.0", Inv)),
            ["ahead"] = Same(((ofTarget - calendar) * 100m).ToString("0.0", Inv)),
            ["deadline"] = new(MonthZh(input.Deadline), input.Deadline.ToString()),
            ["toGo"] = Same(uncovered.Count.ToString(Inv)),
            ["firms"] = Names(uncovered, input.NamesInReason),
        };
        if (predicted is not null)
        {
            values["expected"] = Format(predicted.Expected, f.Unit);
            values["p5"] = Format(predicted.P5, f.Unit);
            values["p95"] = Format(predicted.P95, f.Unit);
            values["probability"] = Same(Pct((decimal)predicted.Probability, 0));
        }
        return (x.Value, values);
    }

    private static decimal? FirmFigure(WarningRule rule, WarningInput input, Enterprise f)
    {
        if (rule.Comparison != "planStatus" || !f.AboveScale || f.Covered) return null;
        var plans = f.Projects.Where(p => p.Status == ProjectStatus.Planned).ToList();
        if (plans.Count == 0) return 2;
        return plans.Any(p => p.StartMonth <= input.Deadline) ? 0 : 1;
    }

    private static (decimal X, decimal Planned, decimal Invested)? ProjectFigure(WarningRule rule, WarningInput input, Project p)
    {
        var cal = input.Calendar;
        var month = cal.ReportingMonth;
        switch (rule.Comparison)
        {
            case "pointsBehindPlan":
            {
                if (p.Status != ProjectStatus.Underway || p.PlannedThisYear <= 0) return null;
                var first = Max(p.StartMonth, new YearMonth(cal.Year, 1));
                var last = Min(p.EndMonth, new YearMonth(cal.Year, 12));
                if (last < first || month < first) return null;
                var pace = Math.Min(1m, (decimal)(first.MonthsUntil(Min(month, last)) + 1) / (first.MonthsUntil(last) + 1));
                var invested = p.Monthly.Where(m => m.Month.Year == cal.Year && m.Month <= month).Sum(m => m.Amount);
                return ((pace - invested / p.PlannedThisYear) * 100m, p.PlannedThisYear, invested);
            }
            case "monthsWithoutReport":
            {
                if (!p.DueToReport(month)) return null;
                var counted = DueDatePassed(cal, input.Now) ? month : month.AddMonths(-1);
                var from = p.Schedule.Length > 0 ? p.Schedule.Max(s => s.Month).AddMonths(1) : Max(p.StartMonth, new YearMonth(cal.Year, 1));
                var months = from.MonthsUntil(counted) + 1;
                return months > 0 ? (months, 0, 0) : null;
            }
            default:
                return null;
        }
    }

    private static bool DueDatePassed(ProgrammeCalendar cal, DateTimeOffset now)
    {
        var due = DateOnly.ParseExact(cal.ReportDueDate, "yyyy-MM-dd", Inv);
        // The bureau's day: China Standard Time (UTC+8); a report is late from the day after the due day.
        return DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime) > due;
    }

    private static Dictionary<string, Text> FirmValues(WarningInput input, Enterprise f, Project? p, decimal x, decimal planned = 0, decimal invested = 0)
    {
        var county = CountyCatalogue.Exists(f.CountyId) ? CountyCatalogue.Get(f.CountyId) : null;
        var v = new Dictionary<string, Text>
        {
            ["firm"] = Same(f.Name),
            ["name"] = county is null ? Same(f.CountyId) : new(county.NameZh, county.NameEn),
            ["deadline"] = new(MonthZh(input.Deadline), input.Deadline.ToString()),
            ["calendar"] = Same(Pct(input.Calendar.CalendarProgress)),
            ["month"] = new(MonthZh(input.Calendar.ReportingMonth), input.Calendar.ReportingMonth.ToString()),
            ["months"] = Same(x.ToString("0", Inv)),
            ["behind"] = Same(x.ToString("0.0", Inv)),
        };
        if (p is not null)
        {
            v["project"] = Same(p.Name);
            v["planned"] = Format(planned, Unit.Money);
            v["invested"] = Format(invested, Unit.Money);
            v["percent"] = Same(planned > 0 ? Pct(invested / planned) : "—");
        }
        return v;
    }

    private static Text Same(string s) => new(s, s);

    private static string Pct(decimal share, int decimals = 1) => (share * 100m).ToString(decimals == 0 ? "0" : "0.0", Inv) + " %";

    private static string MonthZh(YearMonth m) => $"{m.Year} 年 {m.Month} 月";

    private static Text Format(decimal v, Unit unit) => unit switch
    {
        Unit.Share => Same(Pct(v)),
        Unit.Money => Math.Abs(v) >= 1e8m
            ? new((v / 1e8m).ToString("#,0.00", Inv) + " 亿元", "CNY " + (v / 1e9m).ToString("#,0.00", Inv) + " bn")
            : new((v / 1e4m).ToString("#,0.00", Inv) + " 万元", "CNY " + (v / 1e6m).ToString("#,0.00", Inv) + " m"),
        _ => Same(v == decimal.Truncate(v) ? v.ToString("#,0", Inv) : v.ToString("#,0.0", Inv)),
    };

    private static Text Names(IReadOnlyList<Enterprise> firms, int max)
    {
        if (firms.Count == 0) return new("—", "—");
        var shown = string.Join("、", firms.Take(max).Select(f => f.Name));
        var shownEn = string.Join(", ", firms.Take(max).Select(f => f.Name));
        return firms.Count > max ? new(shown + " 等", shownEn + " and others") : new(shown, shownEn);
    }

    private static string Fill(string template, Dictionary<string, Text> values, bool zh) =>
        Placeholder().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var t) ? (zh ? t.Zh : t.En) : m.Value);

    [GeneratedRegex(@"\{([A-Za-z0-9]+)\}")]
    private static partial Regex Placeholder();

    private static YearMonth Max(YearMonth a, YearMonth b) => a >= b ? a : b;
    private static YearMonth Min(YearMonth a, YearMonth b) => a <= b ? a : b;
}
