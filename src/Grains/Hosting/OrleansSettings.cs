namespace Programme.Grains.Hosting;

/// <summary>Configuration section "Orleans".</summary>
public sealed class OrleansSettings
{
    public const string Section = "Orleans";

    /// <summary>"Cohosted" (a silo inside the web process) or "Client" (the web process joins an external cluster).</summary>
    public string Mode { get; set; } = "Cohosted";
    public string ClusterId { get; set; } = "three-transformations";
    public string ServiceId { get; set; } = "sanmenxia";
    public int SiloPort { get; set; } = 11111;
    public int GatewayPort { get; set; } = 30000;
    /// <summary>Localhost clustering: the silo port of the primary silo every other silo joins.</summary>
    public int PrimarySiloPort { get; set; } = 11111;
    /// <summary>Client mode with localhost clustering: the gateways to connect to.</summary>
    public int[] GatewayPorts { get; set; } = [30000];

    public bool IsClient => string.Equals(Mode, "Client", StringComparison.OrdinalIgnoreCase);
}
