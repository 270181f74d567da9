using Microsoft.Extensions.Configuration;

namespace Programme.Grains.Storage;

/// <summary>
/// <c>dotnet run --project src/Silo -- migrate [--ConnectionStrings:Orleans "…"]</c>: applies the schema migrations to the
/// database at ConnectionStrings:Orleans (appsettings.json, environment ConnectionStrings__Orleans, or the command line)
/// and exits. Run it before starting silos, at first install and after every upgrade; running it again changes nothing.
/// </summary>
public static class MigrateCommand
{
    public const string Verb = "migrate";

    public static bool IsInvoked(string[] args) => args.Length > 0 && args[0] == Verb;

    public static async Task<int> Run(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args[1..])
            .Build();
        var connectionString = configuration.GetConnectionString("Orleans");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            Console.Error.WriteLine("migrate: set ConnectionStrings:Orleans (e.g. env ConnectionStrings__Orleans=\"Host=…;Database=…;Username=…;Password=…\")");
            return 2;
        }
        try
        {
            Console.WriteLine($"Migrating {SchemaMigrator.Describe(connectionString)}");
            var result = await new SchemaMigrator(connectionString).MigrateAsync(line => Console.WriteLine($"  {line}"));
            Console.WriteLine(result.Applied.Count == 0
                ? $"Schema is up to date at version {result.Version}; nothing to do."
                : $"Schema now at version {result.Version} ({result.Applied.Count} migration(s) applied).");
            return 0;
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"migrate failed: {ex.Message}");
            return 1;
        }
    }
}
