using Programme.Accounts;

namespace Programme.Grains.Accounts;

[GenerateSerializer]
public sealed class AccountState
{
    [Id(0)] public Account? Account { get; set; }
    [Id(1)] public string PasswordHash { get; set; } = "";
    [Id(2)] public int FailedSignIns { get; set; }
    [Id(3)] public DateTimeOffset? LockedUntil { get; set; }
}
