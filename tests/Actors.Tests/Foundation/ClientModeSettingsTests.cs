using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Programme.Grains;
using Programme.Web.Hosting;

namespace Programme.Tests.Foundation;

/// <summary>
/// A web front end in client mode reads the programme's settings as a co-hosting one does: its /readyz asks for the
/// dataset the cluster was started with (Programme:Data), and its calendar is the configured year.
/// </summary>
public sealed class ClientModeSettingsTests
{
    [Theory]
    [InlineData("Client")]
    [InlineData("Cohosted")]
    public async Task The_front_end_reads_the_programme_section_in_either_mode(string mode)
    {
        var builder = WebApplication.CreateBuilder(["--Orleans:Mode", mode, "--Storage:Provider", "Memory",
            "--Programme:Data", "empty", "--Programme:Year", "2023"]);
        builder.AddProgrammeOrleans();
        await using var services = builder.Services.BuildServiceProvider();
        var options = services.GetRequiredService<IOptions<ProgrammeOptions>>().Value;
        Assert.Equal("empty", options.Data);
        Assert.Equal(2023, options.Year);
    }
}
