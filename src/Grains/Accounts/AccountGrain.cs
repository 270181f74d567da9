using Programme.Accounts;

namespace Programme.Grains.Accounts;

public sealed class AccountGrain(
    [PersistentState("account", StorageNames.Programme)] IPersistentState<AccountState> state,
    TimeProvider clock) : Grain, IAccountGrain
{
    private const int MaxFailures = 5;
    private static readonly TimeSpan Lockout = TimeSpan.FromMinutes(5);

    public async Task<bool> Create(Account account, string passwordHash)
    {
        if (state.State.Account is not null) return false;
        // Listed before the account is durable, so a crash in between leaves a name without an account (which listings
        // skip), never an account nobody can list.
        await GrainFactory.GetGrain<IAccountDirectoryGrain>(0).Add(this.GetPrimaryKeyString());
        var now = clock.GetUtcNow();
        state.State.Account = account with { UserName = this.GetPrimaryKeyString(), CreatedAt = now, TokensValidAfter = now.AddSeconds(-1) };
        state.State.PasswordHash = passwordHash;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.Account = null;
            state.State.PasswordHash = "";
            throw;
        }
        return true;
    }

    public Task<Account?> Get() => Task.FromResult(state.State.Account);

    public Task<AccountCredentials?> GetCredentials() =>
        Task.FromResult(state.State.Account is { } a ? new AccountCredentials(a, state.State.PasswordHash, state.State.LockedUntil) : null);

    public async Task RecordSignIn(bool succeeded)
    {
        if (state.State.Account is null) return;
        if (succeeded)
        {
            if (state.State.FailedSignIns == 0 && state.State.LockedUntil is null) return;
            state.State.FailedSignIns = 0;
            state.State.LockedUntil = null;
        }
        else if (++state.State.FailedSignIns >= MaxFailures)
        {
            state.State.LockedUntil = clock.GetUtcNow() + Lockout;
            state.State.FailedSignIns = 0;
        }
        await state.WriteStateAsync();
    }

    public async Task<bool> SetEnabled(bool enabled)
    {
        if (state.State.Account is not { } a) return false;
        if (a.Enabled == enabled) return true;
        // Disabling ends every session and token at once; enabling again does not revive them.
        state.State.Account = a with { Enabled = enabled, TokensValidAfter = enabled ? a.TokensValidAfter : clock.GetUtcNow() };
        await state.WriteStateAsync();
        return true;
    }

    public async Task<bool> ResetPassword(string passwordHash)
    {
        if (state.State.Account is not { } a) return false;
        state.State.PasswordHash = passwordHash;
        state.State.Account = a with { TokensValidAfter = clock.GetUtcNow() };
        state.State.FailedSignIns = 0;
        state.State.LockedUntil = null;
        await state.WriteStateAsync();
        return true;
    }
}
