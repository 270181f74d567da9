using Programme.Domain;

namespace Programme.Grains;

/// <summary>
/// A page of an enterprise's older audit trail, keyed "{enterpriseId}/{page}". The enterprise keeps its recent changes
/// in its own state and moves full pages here, so each of its writes stays small however long its history grows.
/// A page's content is fixed by its number, so storing it again is harmless.
/// </summary>
public interface IAuditArchiveGrain : IGrainWithStringKey
{
    Task Store(AuditEntry[] entries);

    [AlwaysInterleave]
    Task<AuditEntry[]> Get();
}
