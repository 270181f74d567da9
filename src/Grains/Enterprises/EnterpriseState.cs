using Programme.Domain;

namespace Programme.Grains.Enterprises;

[GenerateSerializer, Alias("programme.enterprise-state")]
public sealed class EnterpriseState
{
    [Id(0)] public Enterprise? Current { get; set; }

    /// <summary>The recent audit trail, oldest first; appended in the same write as the change it records.</summary>
    [Id(1)] public List<AuditEntry> History { get; set; } = [];

    /// <summary>How many full pages of older entries have moved to <see cref="IAuditArchiveGrain"/>s.</summary>
    [Id(2)] public int ArchivedPages { get; set; }
}
