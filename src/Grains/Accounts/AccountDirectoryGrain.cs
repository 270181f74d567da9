using Programme.Accounts;

namespace Programme.Grains.Accounts;

public sealed class AccountDirectoryGrain(
    [PersistentState("account-directory", StorageNames.Programme)] IPersistentState<AccountDirectoryState> state) : Grain, IAccountDirectoryGrain
{
    public async Task Add(string userName)
    {
        if (state.State.UserNames.Add(userName)) await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<string>> List() => Task.FromResult<IReadOnlyList<string>>([.. state.State.UserNames]);
}
