using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Programme.Accounts;
using Programme.Web.Accounts;
using Programme.Web.Hosting;

namespace Programme.Web.Api;

/// <summary>Sign-in for people (cookie), their session and CSRF token, API tokens for their own account, and user admin for city staff.</summary>
public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Sign-in");

        auth.MapPost("/login", async (SignInBody body, AccountService accounts, HttpContext http) =>
        {
            if (string.IsNullOrWhiteSpace(body.UserName) || string.IsNullOrEmpty(body.Password))
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["userName"] = ["user name and password are required"] });
            var (result, account) = await accounts.SignIn(body.UserName, body.Password);
            switch (result)
            {
                case AccountService.SignInResult.Locked:
                    var wait = PoliteLimits.Seconds(await accounts.LockRemaining(body.UserName) ?? TimeSpan.FromMinutes(1));
                    PoliteLimits.Write(http.Response, wait);
                    return Results.Problem(statusCode: 429, title: "Account locked",
                        detail: $"Too many failed sign-ins; try again in {Math.Ceiling(wait / 60.0)} min.", extensions: new Dictionary<string, object?> { ["retryAfter"] = wait });
                case AccountService.SignInResult.Disabled:
                    return Results.Problem(statusCode: 403, title: "Account disabled", detail: "Ask city staff to enable your account.");
                case AccountService.SignInResult.Wrong:
                    return Results.Problem(statusCode: 401, title: "Wrong user name or password");
            }
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, Principal(account!),
                new AuthenticationProperties { IsPersistent = false, IssuedUtc = DateTimeOffset.UtcNow });
            return Results.Ok(Session(account!));
        }).RequireRateLimiting(AuthSetup.SignInLimiter);

        auth.MapPost("/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.NoContent();
        });

        auth.MapGet("/session", async (HttpContext http, IAntiforgery antiforgery, AccountService accounts) =>
        {
            var name = http.User.FindFirstValue(Roles.NameClaim);
            var account = name is null ? null : await accounts.Grain(name).Get();
            var csrf = antiforgery.GetAndStoreTokens(http).RequestToken;
            if (http.User.Identity?.IsAuthenticated != true) return Results.Ok(new { authenticated = false, csrfToken = csrf });
            return Results.Ok(new
            {
                authenticated = true,
                userName = name,
                displayName = account?.DisplayName ?? name,
                role = http.User.FindFirstValue(Roles.RoleClaim),
                county = http.User.FindFirstValue(Roles.CountyClaim),
                csrfToken = csrf,
            });
        });

        auth.MapPost("/token", async (HttpContext http, AccountService accounts, AuthSettings settings) =>
        {
            var name = http.User.FindFirstValue(Roles.NameClaim)!;
            var account = await accounts.Grain(name).Get();
            if (account is null) return Results.Problem(statusCode: 403, title: "Only signed-in accounts can get tokens");
            var lifetime = TimeSpan.FromHours(settings.TokenHours);
            return Results.Ok(new { token = TokenIssuer.Issue(settings, account.Role, account.County, account.UserName, lifetime), expiresIn = (int)lifetime.TotalSeconds });
        }).RequireAuthorization();

        var users = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(Roles.CityPolicy);

        users.MapGet("", async (IGrainFactory grains, AccountService accounts) =>
        {
            var names = await grains.GetGrain<IAccountDirectoryGrain>(0).List();
            var all = await Task.WhenAll(names.Select(n => accounts.Grain(n).Get()));
            return all.Where(a => a is not null);
        });

        users.MapPost("", async (NewUserBody body, AccountService accounts) =>
        {
            var errors = AccountService.Validate(body.UserName, body.DisplayName, body.Role, body.County, body.Password);
            if (errors.Count > 0) return Results.ValidationProblem(errors);
            return await accounts.Create(body.UserName!, body.DisplayName, body.Role!, body.County, body.Password!)
                ? Results.Created($"/api/users/{AccountService.Normalise(body.UserName!)}", new { userName = AccountService.Normalise(body.UserName!) })
                : Results.Problem(statusCode: 409, title: "User name taken");
        });

        users.MapPost("/{userName}/disable", async (string userName, AccountService accounts) =>
            await accounts.Grain(userName).SetEnabled(false) ? Results.NoContent() : Problems.NotFound($"No user '{userName}'."));
        users.MapPost("/{userName}/enable", async (string userName, AccountService accounts) =>
            await accounts.Grain(userName).SetEnabled(true) ? Results.NoContent() : Problems.NotFound($"No user '{userName}'."));
        users.MapPost("/{userName}/password", async (string userName, PasswordBody body, AccountService accounts) =>
        {
            if (AccountService.PasswordProblem(body.Password) is { } problem)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["password"] = [problem] });
            return await accounts.ResetPassword(userName, body.Password!) ? Results.NoContent() : Problems.NotFound($"No user '{userName}'.");
        });
        return app;
    }

    private static ClaimsPrincipal Principal(Account account)
    {
        var claims = new List<Claim> { new(Roles.NameClaim, account.UserName), new(Roles.RoleClaim, account.Role), new("sub", account.UserName) };
        if (account.County is not null) claims.Add(new Claim(Roles.CountyClaim, account.County));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme, Roles.NameClaim, Roles.RoleClaim));
    }

    private static object Session(Account a) => new { authenticated = true, userName = a.UserName, displayName = a.DisplayName, role = a.Role, county = a.County };
}
