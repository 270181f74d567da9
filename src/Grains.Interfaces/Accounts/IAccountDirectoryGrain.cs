namespace Programme.Accounts;

/// <summary>The list of account names, for city staff's user management.</summary>
public interface IAccountDirectoryGrain : IGrainWithIntegerKey
{
    Task Add(string userName);

    [AlwaysInterleave]
    Task<IReadOnlyList<string>> List();
}
