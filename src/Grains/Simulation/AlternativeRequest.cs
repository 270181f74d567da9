namespace Programme.Grains.Simulation;

/// <summary>An alternative policy to compare, by name.</summary>
public sealed class AlternativeRequest
{
    public string? Name { get; set; }
    public PolicyRequest? Policy { get; set; }
}
