using Programme.Grains.Hosting;
using Programme.Grains.Storage;

if (MigrateCommand.IsInvoked(args)) return await MigrateCommand.Run(args);

// A silo of the programme's cluster. The web front ends join it with Orleans:Mode=Client.
var builder = WebApplication.CreateBuilder(args);
builder.UseOrleans(silo => silo.AddProgramme(builder.Configuration));

var app = builder.Build();
app.MapGet("/healthz", () => "ok");
app.Run();
return 0;
