using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Programme.Tests.Fixtures;

/// <summary>A person signed in to the web workspace: a cookie session plus the CSRF token our pages send.</summary>
public sealed class Session : IDisposable
{
    public HttpClient Http { get; }
    public string Csrf { get; private set; } = "";
    private readonly CookieContainer _cookies = new();

    private Session(Uri baseAddress)
    {
        Http = new HttpClient(new HttpClientHandler { CookieContainer = _cookies, UseCookies = true }) { BaseAddress = baseAddress };
    }

    public static async Task<Session> SignIn(AppProcess app, string user, string password = "sanmenxia-2022")
    {
        var s = new Session(app.BaseAddress);
        var login = await s.Http.PostAsJsonAsync("/api/auth/login", new { userName = user, password });
        if (!login.IsSuccessStatusCode) throw new InvalidOperationException($"sign-in of {user} failed: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync()}");
        await s.RefreshCsrf();
        return s;
    }

    public async Task RefreshCsrf()
    {
        var session = await Http.GetFromJsonAsync<JsonElement>("/api/auth/session");
        Csrf = session.GetProperty("csrfToken").GetString()!;
    }

    public Task<HttpResponseMessage> Send(HttpMethod method, string url, object? body = null, bool withCsrf = true, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null) request.Content = JsonContent.Create(body);
        if (withCsrf) request.Headers.Add("X-CSRF-TOKEN", Csrf);
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return Http.SendAsync(request);
    }

    public void Dispose() => Http.Dispose();
}
