using System.Net;
using Programme.Tests.Fixtures;
using Programme.Web.Hosting;

namespace Programme.Tests.Safety;

/// <summary>
/// Outside Development the Orleans dashboard (its page, assets and JSON) is the city's alone, as it was when it was mapped at
/// start; it is now built on its first request (DashboardOnDemand), so that first request must already be refused to
/// anybody else and serve the city, and paths beside it are not swallowed.
/// </summary>
public sealed class DashboardAccessTests
{
    [Fact]
    public async Task In_production_only_the_city_reaches_the_dashboard_and_it_serves_its_page_assets_and_json()
    {
        await using var app = new ConfiguredApp("Production", ["--Auth:SigningKey", AppProcess.SigningKey], "--Programme:Data", "empty");
        await app.StartAsync();

        // The very first dashboard requests, before anybody was let in: refused.
        using (var anonymous = app.Http())
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/dashboard/")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/dashboard/DashboardCounters")).StatusCode);
        }
        using (var viewer = app.Http(AppProcess.Token(Roles.Viewer)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/dashboard/")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/dashboard/version")).StatusCode);
        }
        using (var county = app.Http(AppProcess.Token(Roles.County, "lingbao")))
            Assert.Equal(HttpStatusCode.Forbidden, (await county.GetAsync("/dashboard/index.min.js")).StatusCode);

        using var city = app.Http(AppProcess.Token(Roles.City));
        var page = await city.GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("index.min.js", await page.Content.ReadAsStringAsync());
        var script = await city.GetAsync("/dashboard/index.min.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.True((await script.Content.ReadAsByteArrayAsync()).Length > 10_000);
        var version = await city.GetAsync("/dashboard/version");
        Assert.Equal(HttpStatusCode.OK, version.StatusCode);
        Assert.Contains("\"version\"", await version.Content.ReadAsStringAsync());
        var counters = await city.GetAsync("/dashboard/DashboardCounters");
        Assert.Equal(HttpStatusCode.OK, counters.StatusCode);
        // The tool's own header policy, as before.
        Assert.DoesNotContain("script-src", string.Join(";", page.Headers.GetValues("Content-Security-Policy")));

        // Under the prefix but no dashboard route: 404; a path that only begins with the same letters is not the dashboard's.
        Assert.Equal(HttpStatusCode.NotFound, (await city.GetAsync("/dashboard/no-such-thing")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await city.GetAsync("/dashboardx")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await city.GetAsync("/api/board/city")).StatusCode);
    }
}
