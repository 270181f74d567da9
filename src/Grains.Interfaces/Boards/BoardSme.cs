namespace Programme.Boards;

/// <summary>
/// The reply's SME targets beside the firms' own milestones: SMEs (below-scale firms, 中小企业) led onto the cloud this year
/// (target 300) and through digital transformation (target 200). The platform targets (users, platform-driven digital and
/// cloud) are in <see cref="BoardTargets"/>; the registry does not yet record platform use per firm.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BoardSme(
    [property: Id(0)] int CloudThisYear,
    [property: Id(1)] int CloudTarget,
    [property: Id(2)] int DigitalThisYear,
    [property: Id(3)] int DigitalTarget);
