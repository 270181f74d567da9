namespace Programme.Accounts;

/// <summary>One per web front end: its cache of accounts, told when an account changes so it drops that entry.</summary>
public interface IAccountObserver : IGrainObserver
{
    /// <summary>Acknowledged (not one-way): the change that caused it completes only once every front end has forgotten the account.</summary>
    Task AccountChanged(string userName);
}
