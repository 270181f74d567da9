using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Programme.Web.Hosting.OpenApi;

/// <summary>The OpenAPI document (/openapi/v1.json), completed centrally, and its dump for client generation at build time.</summary>
public static class OpenApiSetup
{
    public const string DumpKey = "OpenApi:Dump";

    public static IServiceCollection AddProgrammeOpenApi(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<ContractOperationTransformer>();
        return services.AddOpenApi(o => o
            .AddSchemaTransformer<WireSchemaTransformer>()
            .AddOperationTransformer(Programme.Web.Api.Batches.Idempotency.Document)
            .AddOperationTransformer<ContractOperationTransformer>()
            .AddDocumentTransformer<ContractDocumentTransformer>());
    }

    /// <summary>
    /// `WebClient --OpenApi:Dump path`: writes the document the app serves to a file and exits without starting (the
    /// generated client in tests/ is built from it, so the contract cannot drift from the code).
    /// </summary>
    public static async Task<int> Dump(WebApplication app, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        // Routes reach the API explorer when the pipeline is built at start; without starting, hand them over the same way.
        app.UseRouting();
        app.UseEndpoints(_ => { });
        var document = await app.Services.GetRequiredKeyedService<IOpenApiDocumentProvider>("v1").GetOpenApiDocumentAsync();
        await using var file = File.Create(path);
        await document.SerializeAsJsonAsync(file, Microsoft.OpenApi.OpenApiSpecVersion.OpenApi3_1);
        return 0;
    }
}
