using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Browser.OneApp;

/// <summary>
/// One app for every user: the language chosen on the board holds on every view and on the old page addresses, with
/// the page's lang attribute; every view shares the navigation; no page opens a browser dialog; axe-core finds no
/// serious or critical problem on any view.
/// </summary>
public sealed class OneAppBrowserTests(AppProcess app) : BrowserTest(app), IClassFixture<AppProcess>
{
    private string Url(string path) => new Uri(App.BaseAddress, path).ToString();

    [Fact]
    public async Task The_language_chosen_on_the_board_holds_on_batches_scenarios_and_their_old_addresses()
    {
        var page = await NewPage(1600, 1000);
        var dialogs = AppPages.RecordDialogs(page);
        await page.GotoAsync(Url("/"));
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Assertions.Expect(page.GetByTestId("city-covered")).ToHaveTextAsync("426", new() { Timeout = 20_000 });
        await page.GetByTestId("lang-switch").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        // The old addresses keep working and land in the app, in the language chosen.
        await page.GotoAsync(Url("/batches.html?batch=2022-1"));
        await page.WaitForURLAsync(new Regex("#/batches/2022-1$"));
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Grant review");
        await Assertions.Expect(page.GetByTestId("nav-batches")).ToHaveAttributeAsync("aria-current", "page");
        await Assertions.Expect(page.GetByTestId("tab-county-check")).ToContainTextAsync("County on-site check", new() { Timeout = 15_000 });

        await page.GotoAsync(Url("/scenarios.html"));
        await page.WaitForURLAsync(new Regex("#/scenarios$"));
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Three Transformations — scenarios");
        await Assertions.Expect(page.GetByTestId("nav-scenarios")).ToHaveAttributeAsync("aria-current", "page");

        // Back to Chinese on the scenarios view; the board then speaks Chinese too, through the shared navigation.
        await page.GetByTestId("lang-switch").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("“三大改造”情景模拟");
        await page.GetByTestId("nav-batches").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("专项资金评审");
        await page.GetByTestId("nav-boards").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("全市总览");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        Assert.Empty(dialogs);
    }

    [Fact]
    public void No_page_calls_alert_confirm_or_prompt()
    {
        var root = Path.Combine(AppProcess.RepoRoot, "src", "WebClient", "wwwroot");
        var offenders = Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".js") || f.EndsWith(".html")) && !f.Contains($"{Path.DirectorySeparatorChar}vendor{Path.DirectorySeparatorChar}"))
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (f, i, line)))
            .Where(x => Regex.IsMatch(x.line, @"(?<![\w.])(window\.)?(alert|confirm|prompt)\s*\("))
            .Select(x => $"{Path.GetRelativePath(root, x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public async Task Axe_finds_no_serious_problem_on_any_view()
    {
        var page = await NewPage(1600, 1000);
        var problems = new List<string>();
        async Task Check(string name, Func<Task> ready)
        {
            await ready();
            foreach (var v in await AppPages.SeriousAxeViolations(page)) problems.Add($"{name}: {v}");
        }
        Task Go(string path, string testid) => Check(path, async () =>
        {
            await page.GotoAsync(Url(path));
            await Assertions.Expect(page.GetByTestId(testid).First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        });

        await Go("/#/", "county-row");
        await Go("/#/county/lingbao", "enterprise-row");
        await Go("/#/enterprise/sdic-jincheng", "connection-state");
        await Go("/#/batches/2022-1", "application-row");
        await Go("/#/scenarios", "scenario-list");
        await Go("/#/login", "login-user");
        await AppPages.SignIn(page, App, "city", "#/batches/2022-1?tab=disbursement");
        await Check("decision dialog", async () =>
        {
            await page.GetByTestId("act-disburse").First.ClickAsync();
            await Assertions.Expect(page.GetByTestId("disburse-dialog")).ToBeVisibleAsync();
        });
        await Go("/#/batches/2022-1?tab=declined", "bulk-actions");
        await Go("/#/workspace/enterprise/sdic-jincheng", "progress-submit");
        await Go("/#/users", "users-table");
        await Go("/#/scenarios", "scenario-form");
        await page.GetByTestId("lang-switch").ClickAsync();
        await Go("/#/", "county-row");
        await Go("/#/batches/2022-1", "application-row");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
