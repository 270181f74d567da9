using Microsoft.Playwright;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Safety;

/// <summary>Every page, script and API answer carries the security headers; the pages run under the policy without a violation.</summary>
public sealed class SecurityHeaderTests(AppProcess app) : BrowserTest(app), IClassFixture<AppProcess>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/index.html")]
    [InlineData("/batches.html")]
    [InlineData("/scenarios.html")]
    [InlineData("/js/app.js")]
    [InlineData("/vendor/signalr.min.js")]
    [InlineData("/api/board/city")]
    [InlineData("/api/enterprises/no-such-firm")]
    public async Task Pages_scripts_and_api_answers_carry_the_security_headers(string path)
    {
        var response = await App.Http().GetAsync(path);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToDictionary(d => d.Split(' ')[0], d => d);
        Assert.Equal("script-src 'self'", directives["script-src"]);
        Assert.Equal("frame-ancestors 'none'", directives["frame-ancestors"]);
        Assert.Equal("object-src 'none'", directives["object-src"]);
        Assert.DoesNotContain("unsafe-inline", directives["script-src"]);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Theory]
    [InlineData("/", "city")]
    [InlineData("/batches.html", "batch")]
    [InlineData("/scenarios.html", "scenarios")]
    public async Task The_pages_run_under_the_policy_without_a_violation(string path, string what)
    {
        var page = await NewPage();
        var violations = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Add(m.Text); };
        await page.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI));");
        await page.GotoAsync(new Uri(App.BaseAddress, path).ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        // The page's own modules ran: it has rendered more than its static shell.
        await page.WaitForFunctionAsync("() => document.body.innerText.trim().length > 40");
        Assert.True(violations.Count == 0, $"{what} page: {string.Join(" | ", violations)}");
        // An injected inline script does not run.
        // (An inline script element runs synchronously when inserted, if it runs at all.)
        var ran = await page.EvaluateAsync<bool>(@"() => {
            window.__inline = false;
            const s = document.createElement('script'); s.textContent = 'window.__inline = true'; document.head.appendChild(s);
            return window.__inline; }");
        Assert.False(ran);
    }
}
