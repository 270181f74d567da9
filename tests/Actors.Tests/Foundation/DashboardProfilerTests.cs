using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Programme.Grains.Hosting;

namespace Programme.Tests.Foundation;

/// <summary>
/// The dashboard's grain-call profiler is a filter around every grain call; the silo registers it only when
/// Orleans:DashboardProfiler is on. The second half checks the test recognises the dashboard's real filter type.
/// </summary>
public sealed class DashboardProfilerTests
{
    [Fact]
    public void No_grain_call_goes_through_the_dashboard_profiler_unless_it_is_switched_on()
    {
        Assert.DoesNotContain(IncomingFilters(new()), SiloSetup.IsDashboardProfiler);
        Assert.Contains(IncomingFilters(new() { ["Orleans:DashboardProfiler"] = "true" }), SiloSetup.IsDashboardProfiler);
    }

    private static List<Type?> IncomingFilters(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleans(silo => silo.AddProgrammeGrains(configuration));
        return builder.Services.Where(d => d.ServiceType == typeof(IIncomingGrainCallFilter)).Select(d => d.ImplementationType).ToList();
    }
}
