namespace Programme.Web.Hosting;

/// <summary>
/// Response headers that keep a browser from running anything but our own files: a Content-Security-Policy without
/// inline script (our pages load vendor/signalr.min.js, vendor/chart.umd.min.js and ES modules, all from this origin),
/// no framing by other sites, no MIME sniffing, no referrer sent elsewhere. Styles may be inline (charts and widgets set
/// element styles); scripts may not. The API reference (Scalar) and the Orleans dashboard bring their own inline script,
/// so they get every header but the script policy.
/// </summary>
public static class SecurityHeaders
{
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public const string ToolPolicy = "frame-ancestors 'none'; object-src 'none'; base-uri 'none'";

    // No closure, async state machine or delegate per request: one of two static callbacks (chosen, as before, by the
    // path the request arrived with) sets the headers, with the response as its state.
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        var tool = http.Request.Path.StartsWithSegments("/api/docs") || http.Request.Path.StartsWithSegments("/dashboard");
        http.Response.OnStarting(tool ? SetToolHeaders : SetHeaders, http.Response);
        return next(http);
    });

    private static readonly Func<object, Task> SetHeaders = response => Set((HttpResponse)response, Policy);
    private static readonly Func<object, Task> SetToolHeaders = response => Set((HttpResponse)response, ToolPolicy);

    private static Task Set(HttpResponse response, string policy)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = policy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        return Task.CompletedTask;
    }
}
