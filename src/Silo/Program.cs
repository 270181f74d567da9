using Programme.Grains.Hosting;
using Programme.Grains.Storage;
using Programme.Silo;

// migrate / simulate / calibration / benchmark run headless and exit; otherwise this is a silo of the cluster.
if (MigrateCommand.IsInvoked(args)) return await MigrateCommand.Run(args);
if (Commands.TryRun(args, out var command)) return await command;

// A silo of the programme's cluster. The web front ends join it with Orleans:Mode=Client.
var builder = WebApplication.CreateBuilder(args);
builder.UseOrleans(silo => silo.AddProgramme(builder.Configuration));

var app = builder.Build();
app.MapGet("/healthz", () => "ok");
app.Run();
return 0;
