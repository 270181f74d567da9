namespace Programme.Grains.Counties;

[GenerateSerializer, Alias("programme.county-roster-state")]
public sealed class CountyRosterState
{
    [Id(0)] public HashSet<string> Members { get; set; } = new(StringComparer.Ordinal);
}
