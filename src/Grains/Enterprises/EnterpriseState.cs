using Programme.Domain;

namespace Programme.Grains.Enterprises;

[GenerateSerializer]
public sealed class EnterpriseState
{
    [Id(0)] public Enterprise? Current { get; set; }

    /// <summary>The audit trail, oldest first; appended in the same write as the change it records.</summary>
    [Id(1)] public List<AuditEntry> History { get; set; } = [];
}
