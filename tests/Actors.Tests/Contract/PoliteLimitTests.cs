using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Contract;

/// <summary>An app of its own (its limiters are per address, and the tests all come from 127.0.0.1), with 2 writes a second.</summary>
public sealed class LimitedApp : AppProcess
{
    public const int WritesPerSecond = 2;
    protected override IEnumerable<string> ExtraArguments => ["--Auth:WritesPerSecond", $"{WritesPerSecond}"];
}

/// <summary>
/// Every 429 tells a well-behaved client when to come back: Retry-After always; the RateLimit headers where a limiter
/// answered (sign-in: 20 tries a minute per address; writes: Auth:WritesPerSecond, bursts of ten seconds' worth).
/// </summary>
public sealed class PoliteLimitTests(LimitedApp app) : IClassFixture<LimitedApp>
{
    private static int RetryAfter(HttpResponseMessage r)
    {
        Assert.True(r.Headers.RetryAfter?.Delta is not null, $"429 without Retry-After: {r.Headers}");
        return (int)r.Headers.RetryAfter!.Delta!.Value.TotalSeconds;
    }

    private static string? Header(HttpResponseMessage r, string name) => r.Headers.TryGetValues(name, out var v) ? string.Join(",", v) : null;

    [Fact]
    public async Task Sign_in_past_twenty_tries_a_minute_and_a_locked_account_both_say_when_to_retry()
    {
        using var anon = new HttpClient { BaseAddress = app.BaseAddress };
        var answers = new List<HttpResponseMessage>();
        // Five wrong passwords lock the account; the sixth try, with the right one, is refused for the lock's time.
        for (var i = 0; i < 5; i++) answers.Add(await anon.PostAsJsonAsync("/api/auth/login", new { userName = "viewer", password = "wrong-password" }));
        Assert.All(answers, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        var locked = await anon.PostAsJsonAsync("/api/auth/login", new { userName = "viewer", password = "sanmenxia-2022" });
        answers.Add(locked);
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.InRange(RetryAfter(locked), 240, 300);   // the 5-minute lock, less the moments the test took
        Assert.Null(Header(locked, "RateLimit-Limit"));   // not a limiter: no RateLimit headers to claim

        // Tries 7–20 of the minute are answered; the 21st is the limiter's.
        for (var i = answers.Count; i < 20; i++) answers.Add(await anon.PostAsJsonAsync("/api/auth/login", new { userName = "hubin", password = "sanmenxia-2022" }));
        Assert.All(answers.Skip(6), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var limited = await anon.PostAsJsonAsync("/api/auth/login", new { userName = "hubin", password = "sanmenxia-2022" });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.InRange(RetryAfter(limited), 1, 60);
        Assert.Equal("20", Header(limited, "RateLimit-Limit"));
        Assert.Equal("0", Header(limited, "RateLimit-Remaining"));
        Assert.Equal(RetryAfter(limited).ToString(), Header(limited, "RateLimit-Reset"));
        Assert.Equal("20;w=60", Header(limited, "RateLimit-Policy"));
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        var problem = await limited.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(RetryAfter(limited), problem.GetProperty("retryAfter").GetInt32());
    }

    [Fact]
    public async Task Writes_past_the_configured_rate_are_told_when_to_retry_and_are_served_then()
    {
        using var agent = app.Http(AppProcess.Token("county", "lushi", name: $"burst-{Guid.NewGuid():N}"));
        // A burst twice the bucket (2 a second × 10 s): the first ~20 pass, the rest are told to wait.
        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            agent.PutAsJsonAsync("/api/enterprises/fushoutang-pharma/cloud", new { month = $"2022-0{1 + i % 8}" })));
        var limited = answers.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.InRange(limited.Count, 10, 40 - LimitedApp.WritesPerSecond * 10);
        Assert.All(answers, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, $"{r.StatusCode}"));
        foreach (var r in limited)
        {
            Assert.InRange(RetryAfter(r), 1, 10);
            Assert.Equal($"{LimitedApp.WritesPerSecond * 10}", Header(r, "RateLimit-Limit"));
            Assert.Equal("0", Header(r, "RateLimit-Remaining"));
            Assert.Equal($"{LimitedApp.WritesPerSecond};w=1;burst={LimitedApp.WritesPerSecond * 10}", Header(r, "RateLimit-Policy"));
        }

        // A client that backs off for Retry-After is served again.
        var wait = TimeSpan.FromSeconds(limited.Max(RetryAfter));
        await Eventually.Holds(async () => (await agent.PutAsJsonAsync("/api/enterprises/fushoutang-pharma/cloud", new { month = "2022-03" })).StatusCode == HttpStatusCode.OK,
            wait + TimeSpan.FromSeconds(2), $"a write is still refused {wait.TotalSeconds + 2} s after the burst");
    }
}
