namespace Programme.Grains;

/// <summary>
/// A county's roster (名册): every enterprise that has ever reported to the county, keyed by county id. An enterprise
/// enrols before its first durable write in the county, so the roster always covers every enterprise whose stored
/// state names the county, and a county can rebuild or re-check its totals from the enterprises themselves.
/// </summary>
public interface ICountyRosterGrain : IGrainWithStringKey
{
    /// <summary>Adds the enterprises (idempotent); returns once the roster holding them is durable.</summary>
    Task Enrol(IReadOnlyCollection<string> enterpriseIds);

    [AlwaysInterleave]
    Task<IReadOnlyCollection<string>> GetMembers();
}
