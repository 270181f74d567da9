using Programme.Domain;
using Programme.Grains.Audit;

namespace Programme.Grains.Enterprises;

[GenerateSerializer, Alias("programme.enterprise-state")]
public sealed class EnterpriseState
{
    [Id(0)] public Enterprise? Current { get; set; }

    /// <summary>
    /// The recent audit trail as objects, as states written before <see cref="Recent"/> hold it: still read, no longer
    /// written (the grain packs it into <see cref="Recent"/> on activation and clears it; the next write stores the packed form).
    /// </summary>
    [Id(1)] public List<AuditEntry>? History { get; set; }

    /// <summary>How many full pages of older entries have moved to <see cref="IAuditArchiveGrain"/>s.</summary>
    [Id(2)] public int ArchivedPages { get; set; }

    /// <summary>
    /// The recent audit trail, oldest first, packed (<see cref="PackedAudit"/>); appended in the same write as the change it
    /// records. Replaced by a new array, never changed in place, so a copy of the state shares it.
    /// </summary>
    [Id(3), Immutable] public byte[] Recent { get; set; } = [];
}
