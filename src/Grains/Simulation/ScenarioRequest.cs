namespace Programme.Grains.Simulation;

/// <summary>
/// The body of POST /api/scenarios (CONTRACT.md, extended), before validation: every field optional, months as
/// "YYYY-MM" strings, money in yuan, rates as fractions. <see cref="ScenarioRequestValidator"/> turns it into a definition.
/// </summary>
public sealed class ScenarioRequest
{
    /// <summary>"sanmenxia-2022" (default), "live" (fork of the live programme), or "synthetic" (needs enterprises).</summary>
    public string? Baseline { get; set; }
    public long? Seed { get; set; }
    public string? StartMonth { get; set; }
    public int? Months { get; set; }
    public int? Runs { get; set; }
    /// <summary>A number asks for a synthetic population of that size (CONTRACT.md).</summary>
    public int? Enterprises { get; set; }
    public PolicyRequest? Policy { get; set; }
    public List<AlternativeRequest>? Alternatives { get; set; }
    /// <summary>When full coverage is judged (default 2022-12, the programme's end).</summary>
    public string? Deadline { get; set; }
    /// <summary>0 (default): as fast as possible; otherwise milliseconds of wall-clock time per simulated month.</summary>
    public int? PaceMs { get; set; }
    public bool? Paused { get; set; }
}
