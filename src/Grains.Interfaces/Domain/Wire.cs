namespace Programme.Domain;

/// <summary>The contract's lower-case, hyphenated spellings of the domain enums ("semi-halted", "underway").</summary>
public static class Wire
{
    public static string Name(OperatingStatus s) => s switch
    {
        OperatingStatus.Active => "active",
        OperatingStatus.Halted => "halted",
        OperatingStatus.SemiHalted => "semi-halted",
        OperatingStatus.Revived => "revived",
        _ => s.ToString(),
    };

    public static string Name(ProjectKind k) => k.ToString().ToLowerInvariant();
    public static string Name(ProjectStatus s) => s.ToString().ToLowerInvariant();
    public static string Name(ProjectTheme t) => t == ProjectTheme.FiveG ? "5g" : "industrial-internet";
    public static string Name(ProjectEntry e) => e switch
    {
        ProjectEntry.CountyReviewed => "county-reviewed",
        _ => e.ToString().ToLowerInvariant(),
    };
    public static string Name(GrantClass c) => c.ToString().ToLowerInvariant();
    public static string Name(CertificationLevel l) => l.ToString().ToLowerInvariant();

    public static string Name(CertificationKind k) => k switch
    {
        CertificationKind.GreenFactory => "green-factory",
        CertificationKind.SmartWorkshop => "smart-workshop",
        CertificationKind.SmartFactory => "smart-factory",
        CertificationKind.SmartManufacturingBenchmark => "smart-manufacturing-benchmark",
        CertificationKind.IntegrationDemonstration => "integration-demonstration",
        _ => k.ToString(),
    };

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        foreach (var v in Enum.GetValues<T>())
        {
            if (string.Equals(NameOf(v), text, StringComparison.Ordinal)) { value = v; return true; }
        }
        value = default;
        return false;
    }

    public static string NameOf<T>(T value) where T : struct, Enum => value switch
    {
        OperatingStatus s => Name(s),
        ProjectKind k => Name(k),
        ProjectStatus s => Name(s),
        ProjectEntry e => Name(e),
        ProjectTheme t => Name(t),
        GrantClass c => Name(c),
        CertificationLevel l => Name(l),
        CertificationKind k => Name(k),
        // Every other enum (review stages, decisions, …) in the same kebab-case the JSON options write.
        _ => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString()),
    };

    public static string Allowed<T>() where T : struct, Enum =>
        string.Join(", ", Enum.GetValues<T>().Select(v => NameOf(v)));
}
