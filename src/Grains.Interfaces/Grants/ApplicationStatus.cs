namespace Programme.Grants;

/// <summary>Where an application stands at its current stage.</summary>
public enum ApplicationStatus
{
    /// <summary>Awaiting a decision at its stage.</summary>
    Pending,
    /// <summary>Returned for revision (退回修改): waits for the applicant to resubmit, then re-enters at its stage.</summary>
    Returned,
    /// <summary>Recommended by the panel but not funded (推荐未安排): on the waiting list, in rank order, until money frees up.</summary>
    Waiting,
    /// <summary>Declined (不予支持): final.</summary>
    Declined,
    /// <summary>Awarded (已下达), waiting for (the rest of) the money to be paid.</summary>
    Awarded,
    /// <summary>Awarded and paid in full (已拨付).</summary>
    Disbursed,
}
