using System.Net;
using Programme.Accounts;
using Programme.Grains.Hosting;
using Programme.Web.Accounts;

namespace Programme.Web.Commands;

/// <summary>
/// <c>dotnet run --project src/WebClient -- user add|disable|enable|reset|list …</c>: manages accounts in the running
/// cluster (it connects as an Orleans client to the configured gateway, so start the app or the silos first).
/// </summary>
public static class UserCommand
{
    private const string Usage = """
        usage: user add --name NAME --role city|county|viewer [--county ID] [--display "显示名"] --password PASSWORD
               user disable --name NAME | user enable --name NAME
               user reset --name NAME --password PASSWORD
               user list
        Connects to the running cluster (Orleans:GatewayPorts, default 30000).
        """;

    public static bool IsInvoked(string[] args) => args.Length > 0 && args[0] == "user";

    public static async Task<int> Run(string[] args)
    {
        if (args.Length < 2) return Fail(Usage);
        string? Option(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        var settings = configuration.GetSection(OrleansSettings.Section).Get<OrleansSettings>() ?? new OrleansSettings();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(c => c
            .UseStaticClustering(settings.GatewayPorts.Select(p => new IPEndPoint(IPAddress.Loopback, p)).ToArray())
            .Configure<Orleans.Configuration.ClusterOptions>(o => { o.ClusterId = settings.ClusterId; o.ServiceId = settings.ServiceId; }));
        builder.Services.AddSingleton<AccountService>();
        using var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch (Exception ex)
        {
            return Fail($"cannot reach the cluster ({ex.Message}); start the app or the silos first");
        }
        var accounts = host.Services.GetRequiredService<AccountService>();
        var name = Option("--name");
        try
        {
            switch (args[1])
            {
                case "add":
                    var errors = AccountService.Validate(name, Option("--display"), Option("--role"), Option("--county"), Option("--password"));
                    if (errors.Count > 0) return Fail(string.Join("; ", errors.Select(e => $"{e.Key} {string.Join(", ", e.Value)}")));
                    if (!await accounts.Create(name!, Option("--display"), Option("--role")!, Option("--county"), Option("--password")!))
                        return Fail($"user '{name}' exists");
                    Console.WriteLine($"added {AccountService.Normalise(name!)}");
                    return 0;
                case "disable" or "enable" when name is not null:
                    if (!await accounts.Grain(name).SetEnabled(args[1] == "enable")) return Fail($"no user '{name}'");
                    Console.WriteLine($"{args[1]}d {name}");
                    return 0;
                case "reset" when name is not null:
                    if (AccountService.PasswordProblem(Option("--password")) is { } p) return Fail($"password {p}");
                    if (!await accounts.ResetPassword(name, Option("--password")!)) return Fail($"no user '{name}'");
                    Console.WriteLine($"password reset for {name}; their sessions and tokens are revoked");
                    return 0;
                case "list":
                    var client = host.Services.GetRequiredService<IClusterClient>();
                    foreach (var n in await client.GetGrain<IAccountDirectoryGrain>(0).List())
                    {
                        var a = await accounts.Grain(n).Get();
                        if (a is not null) Console.WriteLine($"{a.UserName}\t{a.Role}\t{a.County ?? "-"}\t{(a.Enabled ? "enabled" : "disabled")}\t{a.DisplayName}");
                    }
                    return 0;
                default:
                    return Fail(Usage);
            }
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"user: {message}");
        return 2;
    }
}
