using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Programme.Web.Hosting.OpenApi;

/// <summary>
/// The document as a whole: title, the contract's version and compatibility policy, the server, the security schemes
/// (bearer JWT, the sign-in cookie, and the CSRF header cookie writes need), tags with descriptions, the shared
/// problem and acknowledgement schemas, and only the programme's own API (the Orleans dashboard's routes are a tool, not
/// the contract). Operation ids are made unique here as a last guard, so two routes that derive the same id never
/// break a generated client.
/// </summary>
public sealed class ContractDocumentTransformer : IOpenApiDocumentTransformer
{
    /// <summary>The contract's version: the major changes only with a breaking change (docs/CONTRACT.md, "Versioning").</summary>
    public const string Version = "1.1.0";

    public const string Policy =
        "**Versioning.** This is contract version " + Version + " of the v1 API (served at /openapi/v1.json). Within a major version changes are " +
        "additive only: new routes, new optional query parameters and request fields, new response fields, new enum values in responses, new " +
        "problem `errors` keys. Nothing is removed, renamed or retyped, and no optional input becomes required; clients must ignore fields they do " +
        "not know. A breaking change comes as a new major version (/openapi/v2.json, routes under a new prefix) with both served side by side for " +
        "at least one programme year. Operation ids are stable: a client generated from this document keeps compiling against later 1.x versions.";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info ??= new OpenApiInfo();
        document.Info.Title = "三大改造 Three Transformations — live programme API";
        document.Info.Version = Version;
        document.Info.Description =
            "三大改造（智能化、绿色化、技术改造）实时数字孪生接口 · The live twin of the city's industrial-upgrading programme: boards, enterprises, " +
            "the project database and monthly scheduling, the monthly report import, funding batches, scenarios, accounts.\n\n" +
            "**Units.** Money in yuan (decimal), months \"YYYY-MM\", ids as in docs/CONTRACT.md.\n\n" +
            "**Access.** Reads of boards, enterprises, batches and scenarios are open. Writes need a bearer token (JWT: `POST /api/auth/token`, or the " +
            "`token` command) or a signed-in session plus the X-CSRF-TOKEN header. Each operation states the roles it needs.\n\n" +
            "**Errors** are problem+json (RFC 9457): `title`, `detail`, and for invalid input `errors` naming each field and why; nothing is changed by " +
            "a request that fails.\n\n" +
            "**Conditional reads.** Snapshot GETs carry an ETag (the snapshot's version) and Cache-Control: no-cache; If-None-Match with the current " +
            "ETag answers 304; HEAD answers the headers only. Enterprise writes take If-Match (412 when stale).\n\n" +
            "**Polite limits.** A 429 always carries Retry-After (seconds); limiter answers also carry RateLimit-Limit, -Remaining, -Reset, -Policy.\n\n" +
            Policy;
        document.Info.License = new OpenApiLicense { Name = "Internal use of the Sanmenxia programme (no public licence)", Identifier = "LicenseRef-Sanmenxia-Internal" };
        document.Info.Contact = new OpenApiContact { Name = "三门峡市工业和信息化局 Sanmenxia Industry and Information Technology Bureau" };

        var request = context.ApplicationServices.GetService<IHttpContextAccessor>()?.HttpContext?.Request;
        document.Servers = request is null
            ? [new OpenApiServer { Url = "http://localhost:5080", Description = "The default local run" }]
            : [new OpenApiServer { Url = $"{request.Scheme}://{request.Host}{request.PathBase}".TrimEnd('/'), Description = "This server" }];

        foreach (var path in document.Paths.Keys.Where(p => p.StartsWith("/dashboard", StringComparison.Ordinal)).ToList()) document.Paths.Remove(path);

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ContractOperationTransformer.Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT",
            Description = "A JWT from POST /api/auth/token (for the signed-in account) or `dotnet run --project src/WebClient -- token --role county --county lingbao`. " +
                          "Claims: role (city, county, viewer), county (for county agents), name. Checked against the account on every request.",
        };
        document.Components.SecuritySchemes[ContractOperationTransformer.Cookie] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = ".programme.auth",
            Description = "The session cookie set by POST /api/auth/login (HttpOnly, SameSite=Strict, 8 hours sliding).",
        };
        document.Components.SecuritySchemes[ContractOperationTransformer.Csrf] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = AuthSetup.CsrfHeader,
            Description = "The antiforgery token from GET /api/auth/session; cookie-authenticated writes must send it (bearer tokens need not).",
        };

        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        var schemas = document.Components.Schemas;
        schemas[ContractOperationTransformer.Problem] = ProblemSchema(validation: false);
        schemas[ContractOperationTransformer.ValidationProblem] = ProblemSchema(validation: true);
        schemas[OperationCatalogue.Ack] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object, Description = "A write was accepted (or changed nothing): the resource's version after it, its new ETag.",
            Required = new HashSet<string> { "version", "changed" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["version"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64" },
                ["changed"] = new OpenApiSchema { Type = JsonSchemaType.Boolean, Description = "false: the request matched what was stored; nothing was written" },
            },
        };
        schemas[OperationCatalogue.Created] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object, Description = "A resource was created (or, for an upsert, updated): its id and version.",
            Required = new HashSet<string> { "version" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["id"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["version"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64" },
            },
        };

        // Tags: the ones in use, each with a description.
        var used = document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []).SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(t => t.Name).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        document.Tags = new HashSet<OpenApiTag>(used.Select(name => new OpenApiTag
        {
            Name = name,
            Description = OperationCatalogue.Tags.TryGetValue(name, out var d) ? d : $"{name}: see docs/CONTRACT.md.",
        }));

        // Unique operation ids, whatever the routes derive.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, item) in document.Paths.OrderBy(p => p.Key, StringComparer.Ordinal))
            foreach (var operation in (item.Operations?.AsEnumerable() ?? []).OrderBy(o => o.Key.Method, StringComparer.Ordinal).Select(o => o.Value))
            {
                if (operation.OperationId is not { } id) continue;
                var unique = id;
                for (var n = 2; !seen.Add(unique); n++) unique = $"{id}{n}";
                operation.OperationId = unique;
            }
        return Task.CompletedTask;
    }

    private static OpenApiSchema ProblemSchema(bool validation)
    {
        var properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "A URI naming the kind of problem" },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "What went wrong, in a sentence" },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "Which resource and why, and what to do" },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
        };
        if (validation)
            properties["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object, Description = "Each invalid field (as named in the request) with why",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            };
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = validation ? "problem+json for invalid input (RFC 9457) with the fields at fault" : "problem+json (RFC 9457)",
            Properties = properties,
            Required = validation ? new HashSet<string> { "errors" } : null,
            AdditionalProperties = new OpenApiSchema(),
        };
    }
}
