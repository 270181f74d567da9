using Microsoft.Extensions.Options;
using Programme.Aggregation;
using Programme.Boards;
using Programme.Domain;
using Programme.Grains.Counties;
using Programme.Grains.Enterprises;

namespace Programme.Grains.Boards;

/// <summary>
/// Builds a board as of a past month from the enterprises' records: every firm of the scope is read from its own grain,
/// restated as of the month (<see cref="EnterpriseAsOf"/>), counted by the same rules as the live boards
/// (<see cref="ContributionCalculator"/> for the month's programme year) and built by <see cref="BoardBuilder"/> against
/// the targets in force. Nothing is stored, so nothing can drift from the records. Its version is the sum of the firms'
/// versions: it rises whenever any firm of the scope changes.
/// </summary>
[StatelessWorker]
public sealed class PastBoardGrain(IOptions<ProgrammeOptions> options) : Grain, IPastBoardGrain
{
    private readonly ProgrammeCalendar _live = options.Value.Calendar;

    public async Task<PastBoard> GetCity(YearMonth month)
    {
        var firms = await CountyFirms.ReadAll(GrainFactory);
        var (first, last) = Range(firms);
        if (month < first || month > last) return new PastBoard(null, first.ToString(), last.ToString());
        var calendar = CalendarAt(month);
        var targets = await Task.WhenAll(CountyCatalogue.All.Select(c => GrainFactory.GetGrain<ICountyGrain>(c.Id).GetTotals()));
        var counties = CountyCatalogue.All.Select((c, i) =>
        {
            var mine = firms.Where(e => e.CountyId == c.Id).ToList();
            return new CountyTotals(c.Id, mine.Sum(e => e.Version), Totals(mine, month, calendar), targets[i].Targets);
        }).ToList();
        var cityTargets = await GrainFactory.GetGrain<ICityGrain>(GrainKeys.City).GetTargets();
        var board = BoardBuilder.City(firms.Sum(e => e.Version), counties, cityTargets, calendar);
        return new PastBoard(board, first.ToString(), last.ToString());
    }

    public async Task<PastBoard> GetCounty(string countyId, YearMonth month)
    {
        var firms = await CountyFirms.Read(GrainFactory, countyId);
        var (first, last) = Range(firms);
        if (month < first || month > last) return new PastBoard(null, first.ToString(), last.ToString());
        var calendar = CalendarAt(month);
        var targets = (await GrainFactory.GetGrain<ICountyGrain>(countyId).GetTotals()).Targets;
        var board = BoardBuilder.County(CountyCatalogue.Get(countyId), firms.Sum(e => e.Version), Totals(firms, month, calendar), targets, calendar);
        return new PastBoard(board, first.ToString(), last.ToString());
    }

    /// <summary>The month's own programme year, reported up to the month, with the live due day.</summary>
    private ProgrammeCalendar CalendarAt(YearMonth month) => new(month.Year, month) { ReportDueDay = _live.ReportDueDay };

    /// <summary>From the first month any firm of the scope holds a figure for, to the reporting month in force.</summary>
    private (YearMonth First, YearMonth Last) Range(IEnumerable<Enterprise> firms)
    {
        var last = _live.ReportingMonth;
        var first = firms.Select(EnterpriseAsOf.FirstMonth).Where(m => m is not null).Select(m => m!.Value).DefaultIfEmpty(last).Min();
        return (first > last ? last : first, last);
    }

    private static Contribution Totals(IEnumerable<Enterprise> firms, YearMonth month, ProgrammeCalendar calendar)
    {
        var sum = new ContributionSum();
        foreach (var e in firms) sum.Add(ContributionCalculator.Compute(EnterpriseAsOf.At(e, month), calendar));
        return sum.ToContribution();
    }
}
