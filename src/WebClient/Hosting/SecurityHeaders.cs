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

    // No closure, async state machine or delegate per request: the headers are set by one static callback whose state
    // is the request itself.
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        http.Response.OnStarting(SetHeaders, http);
        return next(http);
    });

    private static readonly Func<object, Task> SetHeaders = state =>
    {
        var http = (HttpContext)state;
        var tool = http.Request.Path.StartsWithSegments("/api/docs") || http.Request.Path.StartsWithSegments("/dashboard");
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = tool ? ToolPolicy : Policy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        return Task.CompletedTask;
    };
}
