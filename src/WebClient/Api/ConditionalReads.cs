using Microsoft.Net.Http.Headers;
using Programme.Push;

namespace Programme.Web.Api;

/// <summary>
/// Conditional reads for pollers (CONTRACT.md, "Conditional reads"): a snapshot GET answers with its version as a strong
/// ETag (<c>"7"</c>, the same value If-Match takes) and <c>Cache-Control: no-cache</c> (store it, but ask again each
/// time); a request whose If-None-Match names the current ETag gets 304 with no body; HEAD answers the headers of the GET
/// without its body. Versions only grow (board versions start at the clock, enterprise versions are stored), so an ETag
/// never names two different snapshots of one URL.
/// </summary>
public static class ConditionalReads
{
    public const string CacheControl = "no-cache";

    /// <summary>Marks the routes whose OpenAPI operations document ETag, If-None-Match, 304 and HEAD.</summary>
    public sealed class Metadata;

    /// <summary>Serves HEAD beside GET and answers If-None-Match from the snapshot's version.</summary>
    public static RouteHandlerBuilder WithConditionalReads(this RouteHandlerBuilder route)
    {
        route.Add(endpoint => endpoint.Metadata.Add(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head])));
        return route.WithMetadata(new Metadata()).AddEndpointFilter(Filter);
    }

    private static async ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var http = context.HttpContext;
        // A past board (?asOf=) is recomputed from the firms' records on each read; its version is not a snapshot
        // version that only grows, so it is served whole, without an ETag.
        if (http.Request.Query.ContainsKey("asOf")) return result;
        var etag = http.Response.Headers.ETag.ToString();
        if (etag.Length == 0 && Version(result) is { } version) etag = Caller.ETag(version);
        if (etag.Length == 0) return result;   // not a snapshot (e.g. a 404 problem): nothing to validate against
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = CacheControl;
        return Matches(http.Request, etag) ? Results.StatusCode(StatusCodes.Status304NotModified) : result;
    }

    /// <summary>The version of the snapshot a handler answered with, whether returned as is or wrapped in a 200 result.</summary>
    private static long? Version(object? result) => result switch
    {
        IVersionedSnapshot snapshot => snapshot.Version,
        IValueHttpResult { Value: IVersionedSnapshot snapshot } and IStatusCodeHttpResult { StatusCode: null or 200 } => snapshot.Version,
        _ => null,
    };

    /// <summary>If-None-Match: "*" or a list of entity tags, compared weakly (RFC 9110 §13.1.2).</summary>
    public static bool Matches(HttpRequest request, string etag)
    {
        var header = request.Headers.IfNoneMatch;
        if (header.Count == 0) return false;
        if (!EntityTagHeaderValue.TryParseList(header, out var tags) || !EntityTagHeaderValue.TryParse(etag, out var current)) return false;
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false));
    }
}
