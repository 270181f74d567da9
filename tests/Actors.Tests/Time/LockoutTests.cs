using Programme.Tests.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;
using Programme.Web.Accounts;
using Programme.Web.Hosting;
using static Programme.Web.Accounts.AccountService;

namespace Programme.Tests.Time;

/// <summary>A sign-in lockout lasts five minutes of the clock, not of the test's patience: driven by a fake clock.</summary>
[Collection(SharedFakeClockCluster.Name)]
public sealed class LockoutTests(FakeClockClusterFixture fixture)
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_five_minutes_then_the_right_one_works_again()
    {
        var accounts = new AccountService(fixture.Client, new AuthSettings(), NullLogger<AccountService>.Instance, fixture.Clock);
        var name = $"lock-{Guid.NewGuid():N}"[..20];
        Assert.True(await accounts.Create(name, "锁定测试", "viewer", null, "right-password"));

        for (var i = 0; i < 4; i++) Assert.Equal(SignInResult.Wrong, (await accounts.SignIn(name, "wrong-password")).Result);
        Assert.Equal(SignInResult.Ok, (await accounts.SignIn(name, "right-password")).Result); // four failures: not locked, and reset
        for (var i = 0; i < 5; i++) Assert.Equal(SignInResult.Wrong, (await accounts.SignIn(name, "wrong-password")).Result);

        Assert.Equal(SignInResult.Locked, (await accounts.SignIn(name, "right-password")).Result);
        fixture.Clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        Assert.Equal(SignInResult.Locked, (await accounts.SignIn(name, "right-password")).Result);
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(SignInResult.Ok, (await accounts.SignIn(name, "right-password")).Result);
    }
}
