using System.Text.Json;
using Microsoft.Playwright;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Browser.OneApp;

/// <summary>What every browser test of the one app needs: signing in on the app's own page, a record of browser dialogs
/// (there must be none), axe-core's verdict on a view, and the texts a Chinese reader must never see.</summary>
public static class AppPages
{
    private static readonly Lazy<string> AxeSource = new(() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Vendor", "axe-core", "axe.min.js")));

    /// <summary>Every alert/confirm/prompt/beforeunload the page opens, dismissed and recorded.</summary>
    public static List<string> RecordDialogs(IPage page)
    {
        var opened = new List<string>();
        page.Dialog += async (_, d) => { lock (opened) opened.Add($"{d.Type}: {d.Message}"); await d.DismissAsync(); };
        return opened;
    }

    public static async Task SignIn(IPage page, AppProcess app, string user, string next = "#/")
    {
        await page.GotoAsync(new Uri(app.BaseAddress, "/#/login?next=" + Uri.EscapeDataString(next)).ToString());
        await page.GetByTestId("login-user").FillAsync(user);
        await page.GetByTestId("login-password").FillAsync("sanmenxia-2022");
        await page.GetByTestId("login-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("session-user")).ToHaveTextAsync(user, new() { Timeout = 15_000 });
    }

    /// <summary>axe-core (vendored, tests only) on the page as it stands: the serious and critical violations, described.</summary>
    public static async Task<IReadOnlyList<string>> SeriousAxeViolations(IPage page)
    {
        // Evaluated through the DevTools protocol, so a Content-Security-Policy without inline script does not stop it.
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'")) await page.EvaluateAsync(AxeSource.Value);
        var json = await page.EvaluateAsync<string>(@"async () => {
            const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
            return JSON.stringify(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
              .map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' — ' + (n.failureSummary || '').split('\n').slice(0, 2).join(' ')) })));
        }");
        using var doc = JsonDocument.Parse(json);
        return [.. doc.RootElement.EnumerateArray().Select(v =>
            $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} at {string.Join(" | ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()))}")];
    }

    /// <summary>English server phrasing or an HTTP status in text meant for a Chinese reader.</summary>
    public static bool LooksLikeServerEnglish(string text) =>
        System.Text.RegularExpressions.Regex.IsMatch(text, @"\b(must|invalid|Forbidden|Conflict|request|yuan|nothing was changed|is required)\b|\b[45]\d\d\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
}
