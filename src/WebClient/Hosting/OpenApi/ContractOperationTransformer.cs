using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using Programme.Web.Api;

namespace Programme.Web.Hosting.OpenApi;

/// <summary>
/// Completes every operation from what its endpoint declares, so a route added without any OpenAPI metadata is still
/// described: a stable operationId (the catalogue's, else derived from method and route), a summary and description,
/// who may call it (security requirement), and every answer it can give — problem+json for 400 (with <c>errors</c>),
/// 401, 403, 404, 409, 412, 413, 415, 422, 429 as its metadata implies — with the headers of conditional reads and of
/// rate limits, and examples for the main routes.
/// </summary>
public sealed partial class ContractOperationTransformer(AuthSettings auth) : IOpenApiOperationTransformer
{
    public const string Bearer = "bearer";
    public const string Cookie = "cookie";
    public const string Csrf = "csrf";
    public const string Problem = "ProblemDetails";
    public const string ValidationProblem = "HttpValidationProblemDetails";
    public const string ProblemType = "application/problem+json";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var method = (description.HttpMethod ?? "GET").ToUpperInvariant();
        var route = Route(description.RelativePath ?? "");
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var head = method == HttpMethods.Head;
        var entry = OperationCatalogue.Find(head ? HttpMethods.Get : method, route);
        var document = context.Document;

        // Names: the catalogue's, a route's own WithName, or one derived from method and route (stable as long as the route is).
        var getId = entry?.Id ?? (head ? null : operation.OperationId) ?? DerivedId(head ? HttpMethods.Get : method, route);
        operation.OperationId = !head ? getId
            : getId.Length > 3 && getId.StartsWith("get", StringComparison.Ordinal) && char.IsUpper(getId[3]) ? "head" + getId[3..]
            : "head" + char.ToUpperInvariant(getId[0]) + getId[1..];
        var own = operation.Summary;
        operation.Summary = entry?.Summary ?? own ?? DerivedSummary(method, route);
        var text = new List<string>();
        if (head) text.Add("The headers of the GET (ETag, Cache-Control, Content-Type) without its body: cheap to ask whether the snapshot changed.");
        if (own is not null && own != operation.Summary) text.Add(own + ".");
        if (entry?.Description is { } about) text.Add(about);
        if (operation.Description is { Length: > 0 } existing && !text.Contains(existing)) text.Add(existing);

        // Who may call it.
        var authorize = metadata.OfType<IAuthorizeData>().ToList();
        var anonymous = authorize.Count == 0 || metadata.OfType<IAllowAnonymous>().Any();
        var roles = Roles(authorize);
        var write = method is not ("GET" or "HEAD" or "OPTIONS");
        if (anonymous)
        {
            operation.Security = [new OpenApiSecurityRequirement()];
            text.Add("**Access:** anyone, no token needed.");
        }
        else
        {
            var bearer = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, document)] = [.. roles] };
            var cookie = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Cookie, document)] = [.. roles] };
            if (write) cookie[new OpenApiSecuritySchemeReference(Csrf, document)] = [];
            operation.Security = [bearer, cookie];
            text.Add($"**Access:** {Access(roles)}: a bearer token (JWT), or a signed-in session{(write ? " with the X-CSRF-TOKEN header" : "")}.");
        }

        // Rate limits, documented per route.
        var policy = metadata.OfType<EnableRateLimitingAttribute>().LastOrDefault()?.PolicyName;
        var limited = policy is not null || entry?.Id == "signIn";
        if (policy is not null)
        {
            var (limit, window, burst) = PoliteLimits.Describe(policy, auth);
            text.Add(policy == AuthSetup.SignInLimiter
                ? $"**Limit:** {limit} sign-in attempts a minute per address; more answer 429 with Retry-After. An account also locks for a few minutes after repeated wrong passwords (429 with Retry-After)."
                : $"**Limit:** {limit} writes a second per user (per address when signed out), in bursts of up to {burst}; more answer 429 with Retry-After and the RateLimit headers.");
            _ = window;
        }

        var conditional = metadata.OfType<ConditionalReads.Metadata>().Any();
        if (conditional && !head) text.Add("**Conditional reads:** the ETag is the snapshot's version; send it back as If-None-Match to get 304 with no body while nothing changed. HEAD answers the headers only.");
        var guarded = write && route.StartsWith("api/enterprises/{id}", StringComparison.Ordinal);
        if (guarded) text.Add("**Lost updates:** send the ETag of your last read as If-Match; if the firm changed since, 412 and nothing is changed.");
        operation.Description = string.Join("\n\n", text);

        // Headers it reads.
        operation.Parameters ??= [];
        if (conditional) AddHeader(operation, "If-None-Match", "The ETag of the copy you hold, e.g. \"1669795200000123\": 304 while it is current.", "\"1669795200000123\"");
        if (guarded) AddHeader(operation, "If-Match", "The enterprise's ETag from your last read, e.g. \"7\" (or *): 412 if it has changed since.", "\"7\"");
        if (operation.Parameters.Count == 0) operation.Parameters = null;

        // Bodies the handler reads itself.
        if (entry?.Id == "uploadImport" && operation.RequestBody is null) operation.RequestBody = UploadBody();

        // Every answer it can give.
        operation.Responses ??= [];
        var responses = operation.Responses;
        foreach (var status in entry?.Success ?? [])
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (responses.ContainsKey(key)) continue;
            if (status != 200 && responses.TryGetValue("200", out var bare) && bare is OpenApiResponse { Content: null or { Count: 0 } } && !(entry!.Success!.Contains(200))) responses.Remove("200");
            responses[key] = new OpenApiResponse { Description = ReasonPhrase(status) };
        }
        if (!responses.Keys.Any(k => k.StartsWith('2'))) responses["200"] = new OpenApiResponse { Description = "OK" };
        if (entry?.Returns is { } returns && !head && responses.TryGetValue("200", out var typed) && typed is OpenApiResponse { Content: null or { Count: 0 } } untyped)
            untyped.Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(returns, null, cancellationToken) } };
        if (entry?.Body is { } body)
            foreach (var (key, value) in responses)
                if (key.StartsWith('2') && key != "204" && value is OpenApiResponse { Content: null or { Count: 0 } } plain)
                    plain.Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = new OpenApiSchemaReference(body, document) } };
        if (responses.TryGetValue("200", out var okResponse) && okResponse is OpenApiResponse ok)
        {
            ok.Description = conditional ? "The snapshot; its ETag is its version" : ok.Description is null or "OK" ? "OK" : ok.Description;
            if (conditional)
            {
                ok.Headers ??= new Dictionary<string, IOpenApiHeader>();
                ok.Headers["ETag"] = Header("The snapshot's version as a strong entity tag, e.g. \"1669795200000123\"");
                ok.Headers["Cache-Control"] = Header("no-cache: a cache may keep the body but must revalidate (If-None-Match) before each use");
                if (head) ok.Content = null;
            }
        }
        if (conditional)
            responses["304"] = new OpenApiResponse
            {
                Description = "Not modified: the copy named in If-None-Match is current (no body)",
                Headers = new Dictionary<string, IOpenApiHeader> { ["ETag"] = Header("The current version, unchanged"), ["Cache-Control"] = Header("no-cache") },
            };

        var hasInput = operation.Parameters is { Count: > 0 } || operation.RequestBody is not null;
        var hasPath = operation.Parameters?.Any(p => p.In == ParameterLocation.Path) == true;
        if (hasInput) AddProblem(document, responses, 400, "Invalid input: `errors` names each field and why; nothing was changed", validation: true);
        if (!anonymous)
        {
            AddProblem(document, responses, 401, "No valid token or session (missing, expired, revoked, or the account is disabled)");
            AddProblem(document, responses, 403, write
                ? $"Forbidden: the role does not allow it ({Access(roles)}), a county agent acting outside their county, or a cookie session without the CSRF token"
                : $"Forbidden: the role does not allow it ({Access(roles)})");
        }
        else if (entry?.Id == "signIn") AddProblem(document, responses, 403, "The account is disabled");
        if (entry?.Id == "signIn") AddProblem(document, responses, 401, "Wrong user name or password");
        if (hasPath) AddProblem(document, responses, 404, "Not found: no such resource (the detail names which)");
        if (guarded) AddProblem(document, responses, 412, "Precondition failed: the enterprise changed since the ETag in If-Match; reload, reapply, nothing was changed");
        if (operation.RequestBody is not null)
        {
            AddProblem(document, responses, 413, "The request body is too large (JSON bodies up to 256 KiB; uploads up to 10 MiB)");
            if (operation.RequestBody.Content?.ContainsKey("application/json") == true)
                AddProblem(document, responses, 415, "Send the body as application/json");
        }
        foreach (var status in entry?.Extra ?? [])
            AddProblem(document, responses, status, status switch
            {
                409 => "Conflict: the request clashes with the resource's state; nothing was changed",
                422 => "Unprocessable: the uploaded file has errors (`problems` lists them); fix the file and upload it again",
                _ => "Error",
            });
        foreach (var (key, value) in responses.ToList())
            if (key is "409" && value is OpenApiResponse { Content: null or { Count: 0 } } bare) { bare.Content = ProblemContent(document, false, 409); }
        if (limited) AddRateLimited(document, responses, policy is not null);
        if (head)
            foreach (var response in responses.Values.OfType<OpenApiResponse>()) response.Content = null;

        Examples.Apply(operation, document);
    }

    /// <summary>The route as the catalogue keys it: no leading slash, no route constraints ({applicationId:int} → {applicationId}).</summary>
    public static string Route(string relativePath) => Constraint().Replace(relativePath.Trim('/'), "{$1}");

    /// <summary>getCountiesByCountyIdWorklist for GET api/counties/{countyId}/worklist: verb, then each segment, parameters as By….</summary>
    public static string DerivedId(string method, string route)
    {
        var verb = method.ToLowerInvariant();
        var parts = route.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s != "api")
            .Select(s => s.StartsWith('{') ? "By" + Pascal(s.Trim('{', '}')) : Pascal(s));
        return verb + string.Concat(parts);
    }

    private static string DerivedSummary(string method, string route) =>
        $"{method[0]}{method[1..].ToLowerInvariant()} {string.Join(" › ", route.Split('/').Where(s => s != "api"))}";

    private static string Pascal(string segment) =>
        string.Concat(NonWord().Split(segment).Where(w => w.Length > 0).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    private static List<string> Roles(List<IAuthorizeData> authorize)
    {
        var roles = new List<string>();
        foreach (var a in authorize)
        {
            if (a.Policy == Hosting.Roles.WritePolicy) roles.AddRange([Hosting.Roles.City, Hosting.Roles.County]);
            else if (a.Policy == Hosting.Roles.CityPolicy) roles.Add(Hosting.Roles.City);
            if (a.Roles is { Length: > 0 } listed) roles.AddRange(listed.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        }
        return [.. roles.Distinct()];
    }

    private static string Access(List<string> roles) => roles.Count switch
    {
        0 => "any signed-in account (city staff, county agents, viewers)",
        _ when roles.SequenceEqual([Hosting.Roles.City]) => "city staff only",
        _ when roles.Contains(Hosting.Roles.County) => "city staff, or county agents for their own county",
        _ => "roles " + string.Join(", ", roles),
    };

    private static void AddHeader(OpenApiOperation operation, string name, string description, string example)
    {
        if (operation.Parameters!.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase) && p.In == ParameterLocation.Header)) return;
        operation.Parameters!.Add(new OpenApiParameter
        {
            Name = name, In = ParameterLocation.Header, Required = false, Description = description,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String }, Example = JsonValue.Create(example),
        });
    }

    private static OpenApiHeader Header(string description, JsonSchemaType type = JsonSchemaType.String) =>
        new() { Description = description, Schema = new OpenApiSchema { Type = type } };

    private static void AddProblem(OpenApiDocument? document, OpenApiResponses responses, int status, string description, bool validation = false)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (responses.TryGetValue(key, out var existing) && existing is OpenApiResponse known)
        {
            if (known.Description is null || known.Description.Length < 20) known.Description = description;
            if (known.Content is null || known.Content.Count == 0) known.Content = ProblemContent(document, validation, status);
            else foreach (var media in known.Content.Values) media.Example ??= ProblemExample(status);
            return;
        }
        responses[key] = new OpenApiResponse { Description = description, Content = ProblemContent(document, validation, status) };
    }

    private static Dictionary<string, OpenApiMediaType> ProblemContent(OpenApiDocument? document, bool validation, int status) => new()
    {
        [ProblemType] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(validation ? ValidationProblem : Problem, document), Example = ProblemExample(status) },
    };

    private static void AddRateLimited(OpenApiDocument? document, OpenApiResponses responses, bool byLimiter)
    {
        var headers = new Dictionary<string, IOpenApiHeader>
        {
            ["Retry-After"] = Header("Seconds to wait before trying again (always present)", JsonSchemaType.Integer),
        };
        if (byLimiter)
        {
            headers["RateLimit-Limit"] = Header("Requests the limit allows in its window (the burst size for writes)", JsonSchemaType.Integer);
            headers["RateLimit-Remaining"] = Header("Requests left in the window: 0 on a 429", JsonSchemaType.Integer);
            headers["RateLimit-Reset"] = Header("Seconds until requests are accepted again", JsonSchemaType.Integer);
            headers["RateLimit-Policy"] = Header("The policy, e.g. 20;w=60 (sign-in) or 50;w=1;burst=500 (writes)");
        }
        responses["429"] = new OpenApiResponse
        {
            Description = "Too many requests: wait Retry-After seconds and try again; nothing was changed",
            Headers = headers,
            Content = ProblemContent(document, false, 429),
        };
    }

    private static OpenApiRequestBody UploadBody() => new()
    {
        Required = true,
        Description = "The filled-in monthly report (.xlsx or .csv, up to 10 MiB)",
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["multipart/form-data"] = new()
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { "file" },
                    Properties = new Dictionary<string, IOpenApiSchema> { ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
                },
            },
        },
    };

    private static JsonNode ProblemExample(int status) => status switch
    {
        400 => JsonNode.Parse("""{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"The request has invalid fields; nothing was changed.","status":400,"errors":{"month":["must be a month \"YYYY-MM\""]}}""")!,
        401 => JsonNode.Parse("""{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.2","title":"Unauthorized","status":401}""")!,
        403 => JsonNode.Parse("""{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.4","title":"Forbidden","status":403,"detail":"A county agent may change only enterprises of their own county; moving a firm between counties is for city staff."}""")!,
        404 => JsonNode.Parse("""{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.5","title":"Not found","status":404,"detail":"No enterprise 'sanmenxia-example'."}""")!,
        412 => JsonNode.Parse("""{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.13","title":"Precondition failed","status":412,"detail":"The enterprise has changed since you read it (now version 8); reload and apply your change again."}""")!,
        429 => JsonNode.Parse("""{"type":"https://tools.ietf.org/html/rfc6585#section-4","title":"Too many requests","status":429,"detail":"Too many writes (at most 50 a second, in bursts of 500); nothing was changed. Try again in 1 s.","retryAfter":1}""")!,
        _ => JsonNode.Parse($$"""{"title":"{{ReasonPhrase(status)}}","status":{{status}}}""")!,
    };

    private static string ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);

    [GeneratedRegex(@"\{([^}:?=]+)[^}]*\}")]
    private static partial Regex Constraint();

    [GeneratedRegex(@"[^A-Za-z0-9]+")]
    private static partial Regex NonWord();
}
