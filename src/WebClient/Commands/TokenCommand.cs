using Programme.Domain;
using Programme.Web.Hosting;

namespace Programme.Web.Commands;

/// <summary>
/// <c>dotnet run --project src/WebClient -- token --role county --county lingbao [--name NAME] [--hours H]</c>:
/// prints one JWT for the configured Auth:SigningKey, and nothing else, on stdout.
/// </summary>
public static class TokenCommand
{
    public static bool IsInvoked(string[] args) => args.Length > 0 && args[0] == "token";

    public static int Run(string[] args)
    {
        string? Option(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
        var role = Option("--role");
        var county = Option("--county");
        var name = Option("--name") ?? (county is null ? role : $"{county}-agent") ?? "user";
        if (role is null || !Roles.All.Contains(role))
            return Fail($"--role is required: one of {string.Join(", ", Roles.All)}");
        if (role == Roles.County && !CountyCatalogue.Exists(county))
            return Fail($"--county is required for a county agent: one of {CountyCatalogue.AllowedIds}");
        if (role != Roles.County && county is not null)
            return Fail("--county goes only with --role county");
        var hours = double.TryParse(Option("--hours"), System.Globalization.CultureInfo.InvariantCulture, out var h) && h > 0 ? h : 12;

        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args.Where(a => a.StartsWith("--Auth", StringComparison.Ordinal) || a.StartsWith("/Auth", StringComparison.Ordinal)).ToArray())
            .Build();
        var settings = AuthSettings.From(configuration);
        if (settings.UsesDevelopmentKey) Console.Error.WriteLine("warning: Auth:SigningKey is not set; the token is signed with the development key");
        Console.WriteLine(TokenIssuer.Issue(settings, role, county, name, TimeSpan.FromHours(hours)));
        return 0;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"token: {message}");
        return 2;
    }
}
