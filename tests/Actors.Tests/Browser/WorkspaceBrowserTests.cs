using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Browser;

/// <summary>A county agent at work in the browser: signs in, reports a month, and cannot act on another county's firm.</summary>
[Collection(SharedApp.Name)]
public sealed class WorkspaceBrowserTests(AppProcess app) : BrowserTest(app)
{
    private async Task<IPage> SignIn(string user)
    {
        var page = await NewPage(1600, 1000);
        await page.GotoAsync(new Uri(App.BaseAddress, "/#/login").ToString());
        await page.GetByTestId("login-user").FillAsync(user);
        await page.GetByTestId("login-password").FillAsync("sanmenxia-2022");
        await page.GetByTestId("login-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("session-user")).ToHaveTextAsync(user, new() { Timeout = 10_000 });
        return page;
    }

    [Fact]
    public async Task An_agent_signs_in_reports_a_month_and_sees_it_in_the_firms_history()
    {
        var page = await SignIn("lingbao");
        await page.GotoAsync(new Uri(App.BaseAddress, "/#/workspace/enterprise/sdic-jincheng").ToString());
        await page.GetByTestId("progress-project").SelectOptionAsync("p2");
        await page.GetByTestId("progress-month").FillAsync("2022-07");
        await page.GetByTestId("progress-amount-wan").FillAsync("281.5");
        await page.GetByTestId("progress-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("toast")).ToBeVisibleAsync(new() { Timeout = 10_000 });

        using var http = App.Http();
        var firm = await http.GetFromJsonAsync<JsonElement>("/api/enterprises/sdic-jincheng");
        var p2 = firm.GetProperty("projects").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "p2");
        Assert.Equal(2_815_000m, p2.GetProperty("monthly").EnumerateArray().Single(m => m.GetProperty("month").GetString() == "2022-07").GetProperty("amount").GetDecimal());
        var latest = firm.GetProperty("history")[0];
        Assert.Equal("lingbao", latest.GetProperty("actor").GetString());
        // The history names the operator by display name, not user id.
        await Assertions.Expect(page.GetByTestId("wse-history")).ToContainTextAsync("灵宝市工信局", new() { Timeout = 10_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Fixtures.Browser.ScreenshotPath("workspace-enterprise.png"), FullPage = true });
    }

    [Fact]
    public async Task Another_countys_firm_is_read_only_and_the_server_refuses_a_forged_write()
    {
        var page = await SignIn("mianchi");
        await page.GotoAsync(new Uri(App.BaseAddress, "/#/workspace/enterprise/huaxin-copper-foil").ToString());
        await Assertions.Expect(page.Locator(".banner-info[role=note]")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Assertions.Expect(page.GetByTestId("progress-submit")).ToBeHiddenAsync();
        // Even a request crafted in the signed-in page (session cookie and CSRF token) is refused.
        var status = await page.EvaluateAsync<int>(@"async () => {
            const s = await (await fetch('/api/auth/session')).json();
            const r = await fetch('/api/enterprises/huaxin-copper-foil/cloud', { method: 'PUT',
                headers: { 'Content-Type': 'application/json', 'X-CSRF-TOKEN': s.csrfToken }, body: JSON.stringify({ month: '2022-05' }) });
            return r.status; }");
        Assert.Equal(403, status);
    }
}
