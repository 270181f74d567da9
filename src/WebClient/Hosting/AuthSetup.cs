using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Programme.Accounts;
using Programme.Web.Accounts;

namespace Programme.Web.Hosting;

/// <summary>
/// Two ways in: API clients send a JWT (Authorization: Bearer), people sign in and carry a cookie. Either way the
/// account is checked on every request, so a disabled account or a reset password stops working at once.
/// Cookie-authenticated writes must carry the antiforgery header; writes are rate-limited per user.
/// </summary>
public static class AuthSetup
{
    public const string Smart = "smart";
    public const string CsrfHeader = "X-CSRF-TOKEN";
    public const string WritesLimiter = "writes";
    public const string SignInLimiter = "sign-in";

    public static IServiceCollection AddProgrammeAuth(this IServiceCollection services, IConfiguration configuration, bool isDevelopment)
    {
        var settings = AuthSettings.From(configuration, isDevelopment);
        services.AddSingleton(settings);
        services.AddSingleton<AccountService>();
        services.AddSingleton<DemoAccounts>();
        services.AddHostedService(sp => sp.GetRequiredService<DemoAccounts>());
        services.AddAntiforgery(o => { o.HeaderName = CsrfHeader; o.Cookie.Name = ".programme.csrf"; o.Cookie.SameSite = SameSiteMode.Strict; });

        services.AddAuthentication(Smart)
            .AddPolicyScheme(Smart, "JWT or cookie", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                // Nothing reads the token back from the authentication properties (GetTokenAsync); storing it cost a
                // dictionary and its strings per request.
                o.SaveToken = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = AuthSettings.Issuer,
                    ValidAudience = AuthSettings.Audience,
                    IssuerSigningKey = settings.Key(),
                    RoleClaimType = Roles.RoleClaim,
                    NameClaimType = Roles.NameClaim,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                o.Events = new JwtBearerEvents
                {
                    OnTokenValidated = async ctx =>
                    {
                        var issued = ctx.SecurityToken is JsonWebToken jwt ? jwt.IssuedAt : DateTime.MinValue;
                        if (await Revoked(ctx.HttpContext, ctx.Principal, issued)) ctx.Fail("The account is disabled or its sessions were revoked.");
                    },
                };
            })
            .AddCookie(o =>
            {
                o.Cookie.Name = ".programme.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events = new CookieAuthenticationEvents
                {
                    // An API or hub call without a session gets 401/403, not a redirect to a page.
                    OnRedirectToLogin = ctx => { ctx.Response.StatusCode = 401; return Task.CompletedTask; },
                    OnRedirectToAccessDenied = ctx => { ctx.Response.StatusCode = 403; return Task.CompletedTask; },
                    OnValidatePrincipal = async ctx =>
                    {
                        var issued = ctx.Properties.IssuedUtc?.UtcDateTime ?? DateTime.MinValue;
                        if (await Revoked(ctx.HttpContext, ctx.Principal, issued, requireAccount: true))
                        {
                            ctx.RejectPrincipal();
                            await ctx.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                        }
                    },
                };
            });
        // The same validation, remembering each validated token until it expires (ValidatedTokens); the account check
        // in OnTokenValidated still runs on every request.
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<IServiceProvider>((o, sp) =>
        {
            o.TokenHandlers.Clear();
            o.TokenHandlers.Add(new ValidatedTokens(sp.GetService<TimeProvider>() ?? TimeProvider.System) { MapInboundClaims = o.MapInboundClaims });
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.WritePolicy, p => p.RequireRole(Roles.City, Roles.County))
            .AddPolicy(Roles.CityPolicy, p => p.RequireRole(Roles.City));

        // Writes go through WriteLimiter (UseProgrammeRateLimits); the framework's limiter keeps sign-in's fixed window.
        services.AddSingleton(sp => new WriteLimiter(settings, sp.GetService<TimeProvider>()));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (ctx, _) => PoliteLimits.Rejected(ctx, settings);
            o.AddPolicy(SignInLimiter, http => RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "-", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = PoliteLimits.SignInPermits,
                Window = PoliteLimits.SignInWindow,
                QueueLimit = 0,
            }));
        });
        return services;
    }

    /// <summary>
    /// The limits of CONTRACT.md's "Polite limits": routes that name <see cref="WritesLimiter"/> are counted by
    /// <see cref="WriteLimiter"/> per user (per address when signed out), every other limited route by the framework's
    /// rate limiter. Runs after authentication, so the user is known.
    /// </summary>
    public static IApplicationBuilder UseProgrammeRateLimits(this IApplicationBuilder app)
    {
        var limiter = app.ApplicationServices.GetRequiredService<WriteLimiter>();
        var settings = app.ApplicationServices.GetRequiredService<AuthSettings>();
        app.Use((http, next) =>
        {
            if (http.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>()?.PolicyName != WritesLimiter)
                return next(http);
            var name = ClaimValues.Value(http.User, Roles.NameClaim);
            return limiter.TryAcquire(name, name is null ? http.Connection.RemoteIpAddress?.ToString() : null, out var retry)
                ? next(http)
                : PoliteLimits.Rejected(http, WritesLimiter, retry, settings);
        });
        // Only routes of another policy reach the framework's limiter (it takes two locks a request).
        return app.UseWhen(http => http.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>() is { } limited
            && limited.PolicyName != WritesLimiter, branch => branch.UseRateLimiter());
    }

    /// <summary>
    /// True when the principal's account is disabled or was reset after the credential was issued. API tokens from the
    /// `token` command need no account; a cookie always belongs to one.
    /// </summary>
    private static async Task<bool> Revoked(HttpContext http, ClaimsPrincipal? principal, DateTime issuedUtc, bool requireAccount = false)
    {
        var name = ClaimValues.Value(principal, Roles.NameClaim);
        if (name is null) return true;
        var account = await http.RequestServices.GetRequiredService<AccountService>().Grain(name).Get();
        if (account is null) return requireAccount;
        if (!account.Enabled) return true;
        if (account.Role != ClaimValues.Value(principal, Roles.RoleClaim) || account.County != ClaimValues.Value(principal, Roles.CountyClaim)) return true;
        return issuedUtc < account.TokensValidAfter.UtcDateTime.AddSeconds(-1);
    }

    /// <summary>Cookie-authenticated writes must prove they come from our own pages (antiforgery header).</summary>
    public static IApplicationBuilder UseCsrfProtection(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        var unsafeMethod = !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) && !HttpMethods.IsOptions(http.Request.Method);
        var bearer = http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
        var hasSession = http.Request.Cookies.ContainsKey(".programme.auth");
        return unsafeMethod && !bearer && hasSession && http.Request.Path.StartsWithSegments("/api")
            && !http.Request.Path.StartsWithSegments("/api/auth/login")
            ? CheckedAntiforgery(http, next)
            : next(http);
    });

    private static async Task CheckedAntiforgery(HttpContext http, RequestDelegate next)
    {
        var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            await Results.Problem(statusCode: 403, title: "Missing or invalid CSRF token",
                detail: $"Send the token from GET /api/auth/session in the {CsrfHeader} header.").ExecuteAsync(http);
            return;
        }
        await next(http);
    }
}
