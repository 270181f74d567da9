namespace Programme.Grants;

/// <summary>
/// Apply for one project of a firm. <c>Class</c> is "subsidy" or "reward"; a reward names the result it is for. The amount
/// asked is not given: it follows from the class rules and the project's recorded investment.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ApplyForGrant(
    [property: Id(0)] string? EnterpriseId,
    [property: Id(1)] string? ProjectId,
    [property: Id(2)] string? Class,
    [property: Id(3)] string? Result = null,
    [property: Id(4)] string? Note = null);
