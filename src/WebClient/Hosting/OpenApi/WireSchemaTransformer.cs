using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Programme.Domain;

namespace Programme.Web.Hosting.OpenApi;

/// <summary>
/// Schemas as the wire carries the values (docs/CONTRACT.md, "Identifiers and units"):
/// numbers are JSON numbers — the serializer also reads numbers written as strings, so the generated schemas say
/// "integer or string" with a digits pattern; that tolerance is not part of the contract, and saying so keeps generated
/// clients' types numeric; money is decimal yuan (format decimal, so clients keep it exact); a month (YearMonth) is the
/// string "YYYY-MM".
/// </summary>
public sealed class WireSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Type is { } type && type.HasFlag(JsonSchemaType.String) && (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number)))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }
        var clr = context.JsonTypeInfo.Type;
        var plain = Nullable.GetUnderlyingType(clr) ?? clr;
        if (plain == typeof(decimal)) schema.Format = "decimal";
        if (plain == typeof(YearMonth))
        {
            schema.Type = clr == plain ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
            schema.Pattern = @"^\d{4}-(0[1-9]|1[0-2])$";
            schema.Description ??= "A month, \"YYYY-MM\"";
        }
        return Task.CompletedTask;
    }
}
