using Programme.Domain;

namespace Programme.Grains.Enterprises;

[GenerateSerializer]
public sealed class EnterpriseState
{
    [Id(0)] public Enterprise? Current { get; set; }
}
