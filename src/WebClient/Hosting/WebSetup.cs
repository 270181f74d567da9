using System.Text.Encodings.Web;
using Microsoft.AspNetCore.DataProtection;
using System.Text.Json;
using System.Text.Json.Serialization;
using OpenTelemetry.Metrics;
using Programme.Web.Hosting.OpenApi;
using Programme.Web.Push;
using Scalar.AspNetCore;

namespace Programme.Web.Hosting;

public static class WebSetup
{
    /// <summary>JSON as CONTRACT.md spells it: camelCase fields, kebab-case enum values ("semi-halted").</summary>
    public static void ConfigureJson(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
    }

    public const long MaxBodyBytes = 256 * 1024;

    public static WebApplicationBuilder AddProgrammeWeb(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            ConfigureJson(o.SerializerOptions);
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, Programme.Web.Api.ApiJson.Default);
        });
        // JSON bodies are small; spreadsheet imports raise this for their own route.
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxBodyBytes);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadRequestHandler>();
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddProgrammeAuth(builder.Configuration, builder.Environment.IsDevelopment());
        // With the embedded SQLite store, the keys that protect sign-in cookies live beside it, so sessions survive a restart.
        if (Programme.Grains.Storage.StorageSettings.From(builder.Configuration) is { IsSqlite: true } storage)
            builder.Services.AddDataProtection().SetApplicationName("three-transformations")
                .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(Path.GetDirectoryName(storage.RequiredSqlitePath)!, "keys")));
        builder.Services.AddSignalR().AddJsonProtocol(o => ConfigureJson(o.PayloadSerializerOptions));
        builder.Services.AddSingleton<BoardMetrics>();
        builder.Services.AddSingleton<BoardPushService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<BoardPushService>());
        builder.Services.AddProgrammeOpenApi();   // OpenApi/OpenApiSetup.cs: the contract, completed centrally
        builder.Services.AddOpenTelemetry().WithMetrics(m => m
            .AddMeter(BoardMetrics.MeterName, "Microsoft.Orleans")
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());
        return builder;
    }

    public static WebApplication UseProgrammeWeb(this WebApplication app)
    {
        var identity = app.Services.GetRequiredService<AuthSettings>();
        var startup = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Programme.Startup");
        startup.Log(identity.UsesDevelopmentKey || identity.CreatesDemoAccounts ? LogLevel.Warning : LogLevel.Information,
            "Identity ({Environment}): {Identity}", app.Environment.EnvironmentName, identity.Describe());
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseCsrfProtection();
        app.UseProgrammeRateLimits();
        app.MapHub<BoardHub>(BoardHub.Path);
        app.MapOpenApi();
        app.MapScalarApiReference("/api/docs");
        app.MapPrometheusScrapingEndpoint("/metrics");
        // On its first request, not here: mapping it gzips its embedded files (DashboardOnDemand).
        app.UseOrleansDashboardOnDemand("/dashboard", app.Environment.IsDevelopment() ? null : Roles.CityPolicy);
        return app;
    }
}
