using System.Net;
using System.Net.Http.Json;
using Programme.Tests.Fixtures;
using Programme.Web.Hosting;

namespace Programme.Tests.Safety;

/// <summary>
/// Outside Development the product does not run on anything published in its source or README: no signing key, no
/// start; the development key signs nobody in; the demo accounts and their password exist only when asked for.
/// </summary>
public sealed class SecureDefaultsTests
{
    [Fact]
    public async Task In_production_without_a_signing_key_the_app_refuses_to_start_naming_the_key_and_how_to_set_it()
    {
        var (exit, output) = await ConfiguredApp.RunToExit("Production", "--urls", $"http://127.0.0.1:{AppProcess.FreePort()}",
            "--Orleans:SiloPort", $"{AppProcess.FreePort()}", "--Orleans:GatewayPort", $"{AppProcess.FreePort()}");
        Assert.NotEqual(0, exit);
        Assert.NotEqual(-1, exit);
        Assert.Contains("Auth:SigningKey is not set", output);
        Assert.Contains("Auth__SigningKey", output);
        Assert.Contains("docs/OPERATIONS.md", output);

        // Setting it to the published development key is refused just the same.
        var (exit2, output2) = await ConfiguredApp.RunToExit("Production", "--urls", $"http://127.0.0.1:{AppProcess.FreePort()}",
            "--Auth:SigningKey", AuthSettings.DevelopmentKey);
        Assert.NotEqual(0, exit2);
        Assert.Contains("development key published in the source", output2);
    }

    [Fact]
    public async Task In_production_with_a_key_a_development_key_token_is_401_and_the_demo_password_signs_nobody_in()
    {
        await using var app = new ConfiguredApp("Production", ["--Auth:SigningKey", AppProcess.SigningKey], "--Programme:Data", "empty");
        await app.StartAsync();
        Assert.Contains("Identity (Production): signing key: Auth:SigningKey", app.Log);
        Assert.Contains("demo accounts: off", app.Log);

        var body = new { name = "伪造企业", countyId = "lingbao", sector = "coal", aboveScale = true, status = "active" };
        var forged = TokenIssuer.Issue(new AuthSettings { IsDevelopment = true }, Roles.City, null, "city", TimeSpan.FromHours(1));
        using (var attacker = app.Http(forged))
        {
            var put = await attacker.PutAsJsonAsync("/api/enterprises/forged-1", body);
            Assert.Equal(HttpStatusCode.Unauthorized, put.StatusCode);
        }
        using (var staff = app.Http(AppProcess.Token(Roles.City)))
            Assert.Equal(HttpStatusCode.Created, (await staff.PutAsJsonAsync("/api/enterprises/real-1", body)).StatusCode);

        using var anonymous = app.Http();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/enterprises/forged-1")).StatusCode);
        foreach (var user in new[] { "city", "viewer", "lingbao", "mianchi" })
        {
            var login = await anonymous.PostAsJsonAsync("/api/auth/login", new { userName = user, password = AuthSettings.PublishedDemoPassword });
            Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        }
    }

    [Fact]
    public async Task In_development_the_one_command_demo_still_runs_on_the_development_key_with_demo_accounts()
    {
        await using var app = new ConfiguredApp("Development", [], "--Programme:Data", "empty");
        await app.StartAsync();
        Assert.Contains("signing key: the DEVELOPMENT key", app.Log);
        using var anonymous = app.Http();
        var login = await anonymous.PostAsJsonAsync("/api/auth/login", new { userName = "city", password = AuthSettings.PublishedDemoPassword });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }
}
