using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Records;

/// <summary>A county agent's workspace opens on the worklist; an item's link opens the form that resolves it, prefilled.</summary>
public sealed class WorklistBrowserTests(AppProcess app) : BrowserTest(app), IClassFixture<AppProcess>
{
    [Theory]
    [InlineData(1920, 1080, "zh")]
    [InlineData(1366, 768, "en")]
    public async Task The_worklist_is_the_first_thing_an_agent_sees_and_its_link_opens_the_monthly_report_form(int width, int height, string lang)
    {
        var page = await NewPage(width, height);
        await page.GotoAsync(new Uri(App.BaseAddress, "/#/login" + (lang == "en" ? "?lang=en" : "")).ToString());
        await page.GetByTestId("login-user").FillAsync("shanzhou");
        await page.GetByTestId("login-password").FillAsync("sanmenxia-2022");
        await page.GetByTestId("login-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("session-user")).ToHaveTextAsync("shanzhou", new() { Timeout = 10_000 });
        if (lang == "en") await page.GotoAsync(new Uri(App.BaseAddress, "/?lang=en#/workspace").ToString());
        else await page.GotoAsync(new Uri(App.BaseAddress, "/#/workspace").ToString());

        var worklist = page.GetByTestId("worklist");
        await Assertions.Expect(worklist).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(worklist).ToContainTextAsync(lang == "en" ? "Not yet reported this month" : "本月未报送月调度");
        // The first card of the page, above the firm list, and in view without scrolling.
        var firstCard = await page.EvaluateAsync<string>("() => document.querySelector('#main section.card')?.dataset.testid ?? ''");
        Assert.Equal("worklist", firstCard);
        var box = await worklist.BoundingBoxAsync();
        Assert.True(box is not null && box.Y < height, $"the worklist starts at {box?.Y}px, below the {height}px window");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Fixtures.Browser.ScreenshotPath($"worklist-{lang}-{width}.png") });

        using var http = App.Http(AppProcess.Token("county", "shanzhou"));
        var list = await http.GetFromJsonAsync<JsonElement>("/api/counties/shanzhou/worklist");
        var first = list.GetProperty("items").EnumerateArray().First(i => i.GetProperty("kind").GetString() == "unreported");
        var link = worklist.Locator("details[data-kind='unreported'] a").First;
        await link.ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/workspace/enterprise/" + first.GetProperty("enterpriseId").GetString(), StringComparison.Ordinal));
        // An unreported month is resolved by the month's scheduling report (月调度): the link opens that form.
        await Assertions.Expect(page.GetByTestId("sched-project")).ToHaveValueAsync(first.GetProperty("projectId").GetString()!, new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByTestId("sched-month")).ToHaveValueAsync("2022-08");
        await Assertions.Expect(page.GetByTestId("sched-invested-wan")).ToBeFocusedAsync();
    }
}
