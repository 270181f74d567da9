using Programme.Domain;

namespace Programme.Grains.Audit;

[GenerateSerializer, Alias("programme.audit-page-state")]
public sealed class AuditPageState
{
    [Id(0)] public AuditEntry[] Entries { get; set; } = [];
}
