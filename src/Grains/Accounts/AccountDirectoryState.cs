namespace Programme.Grains.Accounts;

[GenerateSerializer]
public sealed class AccountDirectoryState
{
    [Id(0)] public SortedSet<string> UserNames { get; set; } = new(StringComparer.Ordinal);
}
