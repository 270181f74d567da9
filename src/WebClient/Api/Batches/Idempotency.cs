using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Programme.Web.Api.Batches;

/// <summary>
/// Idempotent money: every write to a funding batch (payments, awards, decisions that commit money, …) may carry an
/// <c>Idempotency-Key</c> header — or, for a payment, a <c>trancheId</c> in the body. The batch grain remembers the key
/// with the change it made (in the same stored row), so a repeat answers with the first result and pays nothing, even
/// after a restart or on another silo; the same key with a different request is 409. This filter checks the header and
/// hands key and a digest of the request (method, path, body) to <see cref="Caller.Context"/>.
/// </summary>
public sealed class Idempotency(IOptions<JsonOptions> json) : IEndpointFilter
{
    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 200;
    internal const string KeyItem = "programme.idempotency-key";
    internal const string HashItem = "programme.idempotency-hash";

    /// <summary>Marks the routes whose OpenAPI operations document the header.</summary>
    public sealed class Metadata;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)) return await next(context);
        var body = context.Arguments.Where(a => a is not null && a.GetType().Namespace?.StartsWith("Programme", StringComparison.Ordinal) == true).ToArray();
        string? key = null;
        if (http.Request.Headers.TryGetValue(Header, out var values))
        {
            key = values.ToString();
            if (values.Count != 1 || key.Length is 0 or > MaxKeyLength || key.Any(c => c is < '!' or > '~'))
                return Results.ValidationProblem(new Dictionary<string, string[]>
                    { [Header] = [$"must be one value of 1–{MaxKeyLength} visible ASCII characters (e.g. a UUID), new for each new request"] },
                    title: "The request has invalid fields; nothing was changed.");
        }
        else if (body.OfType<DisbursementBody>().FirstOrDefault()?.TrancheId is { } tranche)
        {
            if (tranche.Length is 0 or > MaxKeyLength || tranche.Any(char.IsControl))
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["trancheId"] = [$"must be 1–{MaxKeyLength} characters"] },
                    title: "The request has invalid fields; nothing was changed.");
            key = $"tranche:{tranche}";
        }
        if (key is not null)
        {
            var request = new StringBuilder().Append(http.Request.Method).Append(' ').Append(http.Request.Path.Value);
            foreach (var a in body.OfType<object>()) request.Append('\n').Append(JsonSerializer.Serialize(a, a.GetType(), json.Value.SerializerOptions));
            http.Items[KeyItem] = key;
            http.Items[HashItem] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request.ToString())));
        }
        return await next(context);
    }

    /// <summary>Documents the header on every write operation of routes marked with <see cref="Metadata"/>.</summary>
    public static Task Document(Microsoft.OpenApi.OpenApiOperation operation, Microsoft.AspNetCore.OpenApi.OpenApiOperationTransformerContext context, CancellationToken _)
    {
        var method = context.Description.HttpMethod;
        if (method is null || HttpMethods.IsGet(method) || !context.Description.ActionDescriptor.EndpointMetadata.OfType<Metadata>().Any()) return Task.CompletedTask;
        operation.Parameters ??= [];
        operation.Parameters.Add(new Microsoft.OpenApi.OpenApiParameter
        {
            Name = Header,
            In = Microsoft.OpenApi.ParameterLocation.Header,
            Required = false,
            Description = "Makes the request safe to retry (a client that timed out sends it again with the same key). " +
                          "A repeat with the same key and the same request returns the first result and changes nothing (no second payment); " +
                          "the same key with a different request is 409 problem+json. 1–200 visible ASCII characters, e.g. a UUID; keys are per user and batch " +
                          $"(the newest {Programme.Grains.Grants.FundingBatchGrain.RememberedRequests} per batch are remembered). " +
                          "For a payment, a trancheId in the body does the same.",
            Schema = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String, MaxLength = MaxKeyLength },
        });
        operation.Responses ??= [];
        if (!operation.Responses.ContainsKey("409"))
            operation.Responses["409"] = new Microsoft.OpenApi.OpenApiResponse { Description = "Conflict: e.g. the Idempotency-Key was used for a different request; nothing was changed (problem+json)" };
        return Task.CompletedTask;
    }
}
