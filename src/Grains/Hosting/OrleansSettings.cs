using System.Net;
using Microsoft.Extensions.Configuration;

namespace Programme.Grains.Hosting;

/// <summary>Configuration section "Orleans".</summary>
public sealed class OrleansSettings
{
    public const string Section = "Orleans";

    /// <summary>"Cohosted" (a silo inside the web process) or "Client" (the web process joins an external cluster).</summary>
    public string Mode { get; set; } = "Cohosted";
    public string ClusterId { get; set; } = "three-transformations";
    /// <summary>Names the stored state: keep it fixed for the life of a deployment, or stored grains are not found again.</summary>
    public string ServiceId { get; set; } = "sanmenxia";
    public int SiloPort { get; set; } = 11111;
    public int GatewayPort { get; set; } = 30000;
    /// <summary>Localhost clustering: the silo port of the primary silo every other silo joins.</summary>
    public int PrimarySiloPort { get; set; } = 11111;
    /// <summary>Client mode with localhost clustering: the gateways to connect to.</summary>
    public int[] GatewayPorts { get; set; } = [30000];
    /// <summary>PostgreSQL clustering: the address other silos and clients reach this silo at (default loopback: one machine).</summary>
    public string? AdvertisedAddress { get; set; }
    /// <summary>PostgreSQL clustering: listen on every interface rather than only the advertised address (containers, NAT).</summary>
    public bool ListenOnAnyAddress { get; set; }
    /// <summary>PostgreSQL clustering, clients: how often the list of live gateways is re-read.</summary>
    public TimeSpan GatewayListRefresh { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The dashboard's per-method grain-call statistics (its "grains" and "methods" pages). Off by default: the
    /// dashboard's profiler is a filter around every grain call, paid by every write even while nobody watches.
    /// </summary>
    public bool DashboardProfiler { get; set; }

    /// <summary>
    /// Entries of each silo's grain-directory cache (where recently called grains live). Orleans's default, 1,000,000,
    /// sizes the cache's tables for a million grains up front and keeps an entry for every grain called: ≈ 18 MB at start
    /// and a few hundred bytes per firm at 100k (BENCHMARKS.md, "Memory per enterprise"). A silo that calls a grain not
    /// in the cache asks the directory again (on one silo, its own partition), so a smaller cache costs a lookup on the
    /// first call to a firm not called lately, nothing else.
    /// </summary>
    public int DirectoryCacheSize { get; set; } = 20_000;

    public bool IsClient => string.Equals(Mode, "Client", StringComparison.OrdinalIgnoreCase);

    public IPAddress AdvertisedIp() => string.IsNullOrWhiteSpace(AdvertisedAddress) ? IPAddress.Loopback : IPAddress.Parse(AdvertisedAddress);

    public static OrleansSettings From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<OrleansSettings>() ?? new OrleansSettings();
}
