using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Contract;

/// <summary>
/// The board page with its hub unreachable, in Chromium: it falls back to polling the REST board, each poll carrying
/// the ETag of the copy on screen as If-None-Match; an unchanged board answers 304 (no body) and the figures stay; a
/// change answers 200 and shows.
/// </summary>
[Collection(SharedApp.Name)]
public sealed class PollingFallbackBrowserTests(AppProcess app) : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync() => (_playwright, _browser) = await Fixtures.Browser.Launch();

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }

    private sealed record Poll(string? IfNoneMatch, int Status, string? ETag);

    [Fact]
    public async Task Without_the_hub_the_board_polls_conditionally_and_still_shows_changes()
    {
        var page = await _browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 }, Locale = "zh-CN" });
        await page.RouteAsync("**/hubs/board**", route => route.AbortAsync());
        var polls = new ConcurrentQueue<Poll>();
        await page.RouteAsync("**/api/board/city", async route =>
        {
            route.Request.Headers.TryGetValue("if-none-match", out var sent);
            var response = await route.FetchAsync();
            response.Headers.TryGetValue("etag", out var etag);
            polls.Enqueue(new Poll(sent, response.Status, etag));
            await route.FulfillAsync(new RouteFulfillOptions { Response = response });
        });

        await page.GotoAsync(app.BaseAddress.ToString());
        var covered = page.GetByTestId("city-covered");
        await Assertions.Expect(covered).Not.ToBeEmptyAsync(new() { Timeout = 20_000 });
        await page.Locator("[data-testid=connection-state][data-state=disconnected]").WaitForAsync(new() { Timeout = 20_000 });
        var shown = int.Parse(await covered.InnerTextAsync());

        // The next poll names the copy on screen and is told it is current.
        await Eventually.Holds(() => Task.FromResult(polls.Any(p => p.Status == 304 && p.IfNoneMatch is not null
                && polls.Any(first => first.Status == 200 && first.ETag == p.IfNoneMatch))),
            TimeSpan.FromSeconds(15), () => $"no conditional poll answered 304: {string.Join("; ", polls)}");
        Assert.Equal(shown.ToString(), await covered.InnerTextAsync());

        // A county starts a project at an uncovered firm: the next poll gets the new board and the page shows it.
        using var city = app.Http(AppProcess.Token("city"));
        var uncovered = await city.GetFromJsonAsync<JsonElement>("/api/counties/shanzhou/enterprises?covered=false&aboveScale=true&take=1");
        var firm = uncovered.GetProperty("items")[0].GetProperty("id").GetString();
        var added = await city.PostAsJsonAsync($"/api/enterprises/{firm}/projects",
            new { name = "条件轮询测试 智能化改造", kind = "intelligent", totalInvestment = 3_000_000m, plannedThisYear = 1_000_000m, startMonth = "2022-08", endMonth = "2023-06", status = "underway" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        await Assertions.Expect(covered).ToHaveTextAsync($"{shown + 1}", new() { Timeout = 15_000 });
        Assert.Contains(polls, p => p.Status == 200 && p.IfNoneMatch is not null);
    }
}
