using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Programme.Web.Hosting.OpenApi;

/// <summary>
/// Numbers are JSON numbers in this contract. The serializer also reads numbers written as strings, so the generated
/// schemas say "integer or string" with a digits pattern; that tolerance is not part of the contract (clients send and
/// receive numbers), and saying so keeps generated clients' types numeric.
/// </summary>
public sealed class NumberSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Type is { } type && type.HasFlag(JsonSchemaType.String) && (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number)))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }
        return Task.CompletedTask;
    }
}
