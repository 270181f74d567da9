using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Programme.Web.Hosting;

/// <summary>
/// Every 429 says when to come back: <c>Retry-After</c> (seconds), and where the limiter knows them the RateLimit
/// headers of the IETF draft (<c>RateLimit-Limit</c>, <c>RateLimit-Remaining</c>, <c>RateLimit-Reset</c>,
/// <c>RateLimit-Policy</c>). The limits (CONTRACT.md, "Polite limits"): sign-in 20 tries a minute per address; writes
/// <c>Auth:WritesPerSecond</c> per second per user (per address when signed out), in bursts of up to ten seconds' worth.
/// </summary>
public static class PoliteLimits
{
    public const int SignInPermits = 20;
    public static readonly TimeSpan SignInWindow = TimeSpan.FromMinutes(1);
    public const int BurstSeconds = 10;

    /// <summary>The limit a policy allows, as (permits, window in seconds, burst or null) for the RateLimit headers.</summary>
    public static (int Limit, int WindowSeconds, int? Burst) Describe(string? policy, AuthSettings settings) => policy switch
    {
        AuthSetup.SignInLimiter => (SignInPermits, (int)SignInWindow.TotalSeconds, null),
        _ => (settings.WritesPerSecond, 1, settings.WritesPerSecond * BurstSeconds),
    };

    /// <summary>The limiter's rejection: 429 problem+json with Retry-After and the RateLimit headers.</summary>
    public static ValueTask Rejected(OnRejectedContext context, AuthSettings settings)
    {
        var http = context.HttpContext;
        var policy = http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
        var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(Describe(policy, settings).WindowSeconds);
        return new ValueTask(Rejected(http, policy, retry, settings));
    }

    /// <summary>A refused request (sign-in or <see cref="WriteLimiter"/>): 429 problem+json with Retry-After and the RateLimit headers.</summary>
    public static async Task Rejected(HttpContext http, string? policy, TimeSpan retry, AuthSettings settings)
    {
        var (limit, window, burst) = Describe(policy, settings);
        var seconds = Seconds(retry);
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        Write(http.Response, seconds, burst ?? limit, $"{limit};w={window}{(burst is { } b ? $";burst={b}" : "")}");
        var what = policy == AuthSetup.SignInLimiter
            ? $"Too many sign-in attempts from this address (at most {SignInPermits} a minute)"
            : $"Too many writes (at most {settings.WritesPerSecond} a second, in bursts of {settings.WritesPerSecond * BurstSeconds})";
        await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
            detail: $"{what}; nothing was changed. Try again in {seconds} s.",
            extensions: new Dictionary<string, object?> { ["retryAfter"] = seconds }).ExecuteAsync(http);
    }

    /// <summary>Headers of a 429; <paramref name="limit"/> and <paramref name="policy"/> only where a limiter stands behind them.</summary>
    public static void Write(HttpResponse response, int retryAfterSeconds, int? limit = null, string? policy = null)
    {
        var seconds = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        response.Headers.RetryAfter = seconds;
        if (limit is null) return;
        response.Headers["RateLimit-Limit"] = limit.Value.ToString(CultureInfo.InvariantCulture);
        response.Headers["RateLimit-Remaining"] = "0";
        response.Headers["RateLimit-Reset"] = seconds;
        if (policy is not null) response.Headers["RateLimit-Policy"] = policy;
    }

    /// <summary>Whole seconds, rounded up, at least 1: a client that waits that long is not turned away for being early.</summary>
    public static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
}
