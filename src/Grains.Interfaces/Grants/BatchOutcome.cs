namespace Programme.Grants;

public enum BatchOutcome
{
    /// <summary>Done: the batch's version grew.</summary>
    Accepted,
    /// <summary>Nothing to do: what was asked already holds.</summary>
    Unchanged,
    /// <summary>Bad input: the errors name each field and rule. Nothing changed.</summary>
    Invalid,
    /// <summary>No such batch or application.</summary>
    NotFound,
    /// <summary>The caller's role or county does not allow this.</summary>
    Forbidden,
    /// <summary>The request is well formed but the batch or application is not in a state that allows it (e.g. another stage). Nothing changed.</summary>
    Conflict,
}
