namespace Programme.Grants;

/// <summary>What happened to an application, as its append-only history (评审记录) records it.</summary>
public enum HistoryAction
{
    Applied,
    Approved,
    Declined,
    Returned,
    Resubmitted,
    /// <summary>Recommended by the panel but the budget could not take it: put on the waiting list.</summary>
    WaitListed,
    /// <summary>Taken off the waiting list and funded as money became available.</summary>
    Funded,
    /// <summary>Published on the public notice with its objection window.</summary>
    Noticed,
    Objected,
    Awarded,
    Disbursed,
}
