using Programme.Domain;

namespace Programme.Grains.Data;

/// <summary>An enterprise the seed names, with what the seed says of it.</summary>
internal sealed record NamedFirm(
    string Id,
    string Name,
    string County,
    string Sector,
    OperatingStatus Status = OperatingStatus.Active,
    int Projects = 1,
    string? InspectedProject = null,
    ProjectKind InspectedKind = ProjectKind.Technical,
    decimal? OlderInvestmentWan = null);
