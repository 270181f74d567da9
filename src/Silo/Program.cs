using Programme.Grains.Hosting;

// A silo of the programme's cluster. The web front ends join it with Orleans:Mode=Client.
var builder = WebApplication.CreateBuilder(args);
builder.UseOrleans(silo => silo.AddProgramme(builder.Configuration));

var app = builder.Build();
app.MapGet("/healthz", () => "ok");
app.Run();
