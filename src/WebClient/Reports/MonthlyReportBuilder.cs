using Programme.Boards;
using Programme.Domain;

namespace Programme.Web.Reports;

/// <summary>Builds the monthly report from the city board of the month and the firms' records as of the month.</summary>
public static class MonthlyReportBuilder
{
    public static MonthlyReport Build(Board city, IEnumerable<Enterprise> firms)
    {
        var month = YearMonth.Parse(city.ReportingMonth);
        var pace = city.CalendarProgress;
        var tg = city.Targets;
        ReportFigure Flow(string key, string zh, string en, string unit, decimal target, decimal actual, string status)
        {
            decimal? of = target > 0 ? Math.Round(actual / target, 6) : null;
            // As the bureau states it: the rounded percentages subtracted (91.3 % − 66.7 % = 24.6 个百分点).
            return new ReportFigure(key, zh, en, unit, target, actual, of, of is { } o ? Math.Round(o, 3) - Math.Round(pace, 3) : null, status);
        }
        // The year's projects' total investment is a stock, not a flow: judged against the target itself, not the calendar.
        static ReportFigure Stock(string key, string zh, string en, decimal target, decimal actual)
        {
            decimal? of = target > 0 ? Math.Round(actual / target, 6) : null;
            return new ReportFigure(key, zh, en, "yuan", target, actual, of, null, of is null or >= 1m ? Rag.Green : of >= 0.9m ? Rag.Amber : Rag.Red);
        }
        var figures = new List<ReportFigure>
        {
            new("coverage", "规上工业企业改造覆盖率", "Coverage of above-scale firms", "share", tg.Coverage, city.Enterprises.Coverage,
                tg.Coverage > 0 ? Math.Round(city.Enterprises.Coverage / tg.Coverage, 6) : null, Math.Round(city.Enterprises.Coverage - tg.Coverage, 6), city.Status.Coverage),
            Flow("projectsThisYear", "年度实施改造项目", "Projects this year", "count", tg.ProjectsThisYear, city.Projects.ThisYear, city.Status.ProjectsThisYear),
            Flow("completedThisYear", "年度完成投资", "Investment completed this year", "yuan", tg.CompletedThisYear, city.Investment.CompletedThisYear, city.Status.CompletedThisYear),
            Stock("investmentThisYear", "年度项目总投资", "Total investment of the year's projects", tg.InvestmentThisYear, city.Investment.ThisYearTotal),
            Flow("cloud", "企业上云", "Firms onto the cloud", "count", city.Cloud.Target, city.Cloud.ThisYear, city.Status.Cloud),
            Flow("digital", "数字化改造", "Digital transformations", "count", city.Digital.Target, city.Digital.ThisYear, city.Status.Digital),
            Flow("smartCertifications", "智能工厂（车间）", "Smart factories / workshops", "count", city.Certifications.SmartTarget, city.Certifications.SmartThisYear, city.Status.Certifications),
            Flow("greenCertifications", "绿色工厂", "Green factories", "count", city.Certifications.GreenTarget, city.Certifications.GreenThisYear, city.Status.Certifications),
        };

        var league = (city.Counties ?? []).OrderBy(c => c.Rank).ToList();
        var keyProjects = firms
            .Where(e => e.AboveScale)
            .SelectMany(e => e.Projects.Where(p => p.Key && p.Entry == ProjectEntry.Entered).Select(p => Row(e, p, month)))
            .OrderBy(r => CountyOrder(r.CountyId)).ThenByDescending(r => r.TotalInvestment).ThenBy(r => r.EnterpriseId, StringComparer.Ordinal)
            .ToList();
        return new MonthlyReport
        {
            Month = city.ReportingMonth, ProgrammeYear = city.ProgrammeYear, CalendarProgress = pace,
            DueDate = city.Schedule?.DueDate ?? "", Figures = figures, League = league,
            First = league.FirstOrDefault(), Last = league.Count > 1 ? league[^1] : null,
            ScheduleDue = city.Schedule?.Due ?? 0, ScheduleReported = city.Schedule?.Reported ?? 0,
            Warnings = city.Warnings?.OrderBy(w => w.Level == "red" ? 0 : 1).ToList(), Forecast = city.Forecast,
            KeyProjects = keyProjects,
        };
    }

    private static int CountyOrder(string id)
    {
        var all = CountyCatalogue.All;
        for (var i = 0; i < all.Count; i++) if (all[i].Id == id) return i;
        return all.Count;
    }

    private static KeyProjectRow Row(Enterprise e, Project p, YearMonth month)
    {
        var county = CountyCatalogue.Exists(e.CountyId) ? CountyCatalogue.Get(e.CountyId).NameZh : e.CountyId;
        var report = p.Schedule.FirstOrDefault(s => s.Month == month);
        var thisYear = p.Monthly.Where(m => m.Month.Year == month.Year && m.Month <= month).Sum(m => m.Amount);
        var invested = p.Monthly.Where(m => m.Month <= month).Sum(m => m.Amount);
        return new KeyProjectRow(e.CountyId, county, e.Id, e.Name, p.Id, p.Name, Wire.Name(p.Kind), Wire.Name(p.Status),
            p.TotalInvestment, p.PlannedThisYear, thisYear, invested, report?.ProgressPercent, report?.Progress, report?.Problems);
    }
}
