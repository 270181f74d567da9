namespace Programme.Commands;

public enum CommandOutcome
{
    /// <summary>The change was applied and the version grew.</summary>
    Accepted,
    /// <summary>The change asked for what already holds (an idempotent repeat): nothing to do.</summary>
    Unchanged,
    /// <summary>Bad input: <see cref="CommandResult.Errors"/> names each field and rule. Nothing changed.</summary>
    Invalid,
    /// <summary>The enterprise or project does not exist.</summary>
    NotFound,
    /// <summary>The caller's expected version is stale (If-Match). Nothing changed.</summary>
    VersionConflict,
    /// <summary>The caller's county scope does not cover this enterprise (or the county it would move to).</summary>
    Forbidden,
}
