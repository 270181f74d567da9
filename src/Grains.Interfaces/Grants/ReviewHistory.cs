namespace Programme.Grants;

/// <summary>Reads an application's append-only history.</summary>
public static class ReviewHistory
{
    /// <summary>
    /// For each entry, whether it is an approval that a later return or objection voided: one that sent the application
    /// back to the approval's stage or before it. The entries themselves are never rewritten.
    /// </summary>
    public static bool[] Voided(IReadOnlyList<ReviewEntry> history)
    {
        var voided = new bool[history.Count];
        ReviewStage? lowestBack = null;
        for (var i = history.Count - 1; i >= 0; i--)
        {
            var h = history[i];
            if (h.Action == HistoryAction.Approved && lowestBack is { } back && back <= h.Stage) voided[i] = true;
            if (h.ReturnTo is { } to && (lowestBack is null || to < lowestBack)) lowestBack = to;
        }
        return voided;
    }
}
