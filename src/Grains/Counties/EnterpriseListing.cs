using Programme.Aggregation;
using Programme.Boards;
using Programme.Domain;

namespace Programme.Grains.Counties;

/// <summary>Filter, sort and page a county's enterprise summaries.</summary>
internal static class EnterpriseListing
{
    public const int MaxTake = 500;

    public static EnterprisePage Page(IEnumerable<EnterpriseSummary> all, EnterpriseQuery q)
    {
        var items = all;
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var s = q.Search.Trim();
            items = items.Where(e => e.Id.Contains(s, StringComparison.OrdinalIgnoreCase) || e.Name.Contains(s, StringComparison.OrdinalIgnoreCase));
        }
        if (q.AboveScale is { } above) items = items.Where(e => e.AboveScale == above);
        // Coverage (已改造 / 未覆盖) is a measure of above-scale firms only: below-scale firms are neither, so the
        // uncovered list matches the board's 还差 N 家.
        if (q.Covered is { } covered) items = items.Where(e => e.AboveScale && e.Covered == covered);
        if (!string.IsNullOrEmpty(q.Sector)) items = items.Where(e => e.Sector == q.Sector);
        if (!string.IsNullOrEmpty(q.Status) && Wire.TryParse<OperatingStatus>(q.Status, out var status))
            items = items.Where(e => e.Status == status);

        var list = items.ToList();
        Comparison<EnterpriseSummary> compare = q.Sort switch
        {
            "id" => (a, b) => string.CompareOrdinal(a.Id, b.Id),
            "sector" => (a, b) => string.CompareOrdinal(a.Sector, b.Sector),
            "projects" => (a, b) => a.Projects.CompareTo(b.Projects),
            "totalInvestment" => (a, b) => a.TotalInvestment.CompareTo(b.TotalInvestment),
            "completed" => (a, b) => a.Completed.CompareTo(b.Completed),
            "completedThisYear" => (a, b) => a.CompletedThisYear.CompareTo(b.CompletedThisYear),
            "status" => (a, b) => a.Status.CompareTo(b.Status),
            _ => (a, b) => string.Compare(a.Name, b.Name, StringComparison.Ordinal),
        };
        list.Sort((a, b) =>
        {
            var c = q.Descending ? compare(b, a) : compare(a, b);
            return c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
        });
        var skip = Math.Max(0, q.Skip);
        var take = Math.Clamp(q.Take, 0, MaxTake);
        return new EnterprisePage(list.Count, skip, take, list.Skip(skip).Take(take).ToArray());
    }
}
