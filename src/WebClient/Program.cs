using Programme.Grains.Hosting;
using Programme.Grains.Storage;
using Programme.Web.Api;
using Programme.Web.Api.Batches;
using Programme.Web.Commands;
using Programme.Web.Hosting;

if (MigrateCommand.IsInvoked(args)) return await MigrateCommand.Run(args);
if (TokenCommand.IsInvoked(args)) return TokenCommand.Run(args);
if (UserCommand.IsInvoked(args)) return await UserCommand.Run(args);

var builder = WebApplication.CreateBuilder(args);
// The system clock, as the silo's TryAddSingleton(TimeProvider.System) gives every grain.
StartupTimeline.Configure(builder.Configuration, TimeProvider.System);
StartupTimeline.Mark("web application builder created");
if (AuthSettings.From(builder.Configuration, builder.Environment.IsDevelopment()).StartupProblem() is { } problem)
{
    Console.Error.WriteLine($"Refusing to start ({builder.Environment.EnvironmentName}): {problem}");
    return 2;
}
builder.AddProgrammeOrleans();
builder.AddProgrammeWeb();
StartupTimeline.Mark("services registered");

var app = builder.Build();
StartupTimeline.Mark("host built");
app.HoldUntilDataLoaded();
StartupTimeline.Mark("dataset loader resolved");
app.UseProgrammeWeb();
app.MapBoardApi();
app.MapEnterpriseApi();
app.MapProjectDatabaseApi();
app.MapAuthApi();
app.MapImportApi();
app.MapBatchApi();
app.MapScenarioApi();
app.MapAnalysisApi();
app.MapReportApi();
app.MapWorklistApi();
app.MapHealth();
StartupTimeline.Mark("pipeline and endpoints mapped");
if (StartupTimeline.Enabled) app.Lifetime.ApplicationStarted.Register(() => StartupTimeline.Mark("host started (Kestrel listening)"));
if (app.Configuration[Programme.Web.Hosting.OpenApi.OpenApiSetup.DumpKey] is { Length: > 0 } openApiDump)
    return await Programme.Web.Hosting.OpenApi.OpenApiSetup.Dump(app, openApiDump);
app.Run();
return 0;

/// <summary>Lets tests host the whole app with WebApplicationFactory.</summary>
public partial class Program;
