using Programme.Domain;
using Programme.Web.Hosting;

namespace Programme.Web.Accounts;

/// <summary>
/// With Auth:DemoAccounts (on by default in Development only; elsewhere only when set to true), creates city staff "city", a "viewer", and one agent
/// per county named after it ("lingbao", …), all with Auth:DemoPassword. Existing accounts are left alone.
/// Turn it off in any real deployment and manage accounts with the `user` command or the user admin page.
/// </summary>
public sealed class DemoAccounts(AccountService accounts, AuthSettings settings, ILogger<DemoAccounts> logger) : BackgroundService
{
    /// <summary>Readiness waits for this: the demo sign-ins work once the app says it is ready.</summary>
    public bool Ready { get; private set; } = !settings.CreatesDemoAccounts;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.CreatesDemoAccounts) return;
        var wanted = new List<(string Name, string Display, string Role, string? County)>
        {
            ("city", "市工信局", Roles.City, null),
            ("viewer", "观察员", Roles.Viewer, null),
        };
        wanted.AddRange(CountyCatalogue.All.Select(c => (c.Id, $"{c.NameZh}工信局", Roles.County, (string?)c.Id)));
        for (var attempt = 0; attempt < 30 && !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                var created = 0;
                foreach (var (name, display, role, county) in wanted)
                {
                    if (await accounts.Grain(name).Get() is not null) continue;
                    if (await accounts.Create(name, display, role, county, settings.DemoPassword)) created++;
                }
                if (created > 0) logger.LogWarning("Created {Count} demo accounts with the demo password (Auth:DemoPassword); never in a real deployment", created);
                Ready = true;
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogDebug(ex, "Cluster not ready for demo accounts yet");
                await Task.Delay(1000, stoppingToken);
            }
        }
    }
}
