namespace Programme.Domain;

/// <summary>
/// The special fund's own project categories beside the three transformations (三大改造暨5G、工业互联网项目): a 5G project
/// (5G+ applications: smart factories, unmanned mines, …) or an industrial-internet project (platforms, their applications).
/// A project keeps its transformation kind for the programme's figures; its theme lets a call fund it as such.
/// </summary>
public enum ProjectTheme
{
    [System.Text.Json.Serialization.JsonStringEnumMemberName("5g")] FiveG,
    IndustrialInternet,
}
