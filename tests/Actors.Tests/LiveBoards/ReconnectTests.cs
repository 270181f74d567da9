using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Programme.Tests.Fixtures;

namespace Programme.Tests.LiveBoards;

/// <summary>
/// The board page's own reconnection (js/live.js), in Chromium: the app process is killed and started again on the same
/// ports; the page must notice, reconnect, subscribe again by itself, and show the next change from a push — with its
/// REST polling cut off, so a page that only polled could not pass. Its own app process, since the test kills it.
/// </summary>
public sealed class ReconnectTests : IAsyncLifetime
{
    private readonly AppProcess _app = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        await _app.InitializeAsync();
        (_playwright, _browser) = await Fixtures.Browser.Launch();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task After_the_server_comes_back_the_page_resubscribes_and_updates_on_its_own()
    {
        var page = await _browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 }, Locale = "zh-CN" });
        // Every hub frame the page sends, per WebSocket, in order.
        var sockets = new ConcurrentQueue<(IWebSocket Socket, ConcurrentQueue<string> Sent)>();
        page.WebSocket += (_, ws) =>
        {
            var sent = new ConcurrentQueue<string>();
            ws.FrameSent += (_, f) => { if (f.Text is { } t) sent.Enqueue(t); };
            sockets.Enqueue((ws, sent));
        };
        await page.GotoAsync(_app.BaseAddress.ToString());
        var connected = page.Locator("[data-testid=connection-state][data-state=connected]");
        await connected.WaitForAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByTestId("city-covered")).ToHaveTextAsync("426");
        await page.EvaluateAsync("() => window.__noReload = 'still here'");
        var socketsBefore = sockets.Count;

        await _app.KillAsync();
        await page.Locator("[data-testid=connection-state]:not([data-state=connected])").WaitForAsync(new() { Timeout = 30_000 });
        await _app.StartAsync();

        // From here on the page's REST reads of boards fail: whatever it shows next came over the hub.
        var restReads = 0;
        await page.RouteAsync("**/api/board/**", route => { Interlocked.Increment(ref restReads); return route.AbortAsync(); });
        await connected.WaitForAsync(new() { Timeout = 90_000 });
        var fresh = sockets.Skip(socketsBefore).ToList();
        Assert.NotEmpty(fresh);
        await Eventually.Holds(() => Task.FromResult(fresh.Any(s => s.Sent.Any(IsSubscribeToCity))), TimeSpan.FromSeconds(10),
            "the page sent Subscribe(\"city\") on its new connection");

        var http = _app.Http(AppProcess.Token("city"));
        var page1 = await http.GetFromJsonAsync<JsonElement>("/api/counties/lushi/enterprises?covered=false&aboveScale=true&take=1");
        var id = page1.GetProperty("items")[0].GetProperty("id").GetString();
        var add = await http.PostAsJsonAsync($"/api/enterprises/{id}/projects",
            new { name = "一企一策 智能化改造", kind = "intelligent", totalInvestment = 5_000_000m, plannedThisYear = 2_000_000m, startMonth = "2022-08", endMonth = "2023-06", status = "underway" });
        Assert.Equal(System.Net.HttpStatusCode.Created, add.StatusCode);

        await Assertions.Expect(page.GetByTestId("city-covered")).ToHaveTextAsync("427", new() { Timeout = 5_000 });
        Assert.Equal("still here", await page.EvaluateAsync<string>("() => window.__noReload"));
    }

    /// <summary>A SignalR JSON-protocol invocation of Subscribe with the argument "city".</summary>
    private static bool IsSubscribeToCity(string frame) =>
        frame.Split('\u001e', StringSplitOptions.RemoveEmptyEntries).Any(message =>
        {
            try
            {
                var m = JsonDocument.Parse(message).RootElement;
                return m.TryGetProperty("target", out var t) && t.GetString() == "Subscribe"
                    && m.TryGetProperty("arguments", out var a) && a.GetArrayLength() == 1 && a[0].GetString() == "city";
            }
            catch (JsonException)
            {
                return false;
            }
        });
}
