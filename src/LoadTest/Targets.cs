using System.Net;
using System.Net.Http.Json;
using Orleans.Configuration;
using Programme.Commands;
using Programme.Domain;
using Programme.Grains;
using Programme.Grains.Hosting;
using Programme.Web.Hosting;

namespace Programme.LoadTest;

/// <summary>Where county-agent changes go: straight to the grains through an Orleans client, or through the REST API.</summary>
public interface IChangeTarget : IAsyncDisposable
{
    Task Register(int firm);
    Task AddProject(int firm);
    Task Progress(int firm, string projectId, string month, decimal amount);
    Task Status(int firm, string projectId, string status);
}

/// <summary>The synthetic population: firm i is "lt-{i:D6}" in county i mod 8, with two underway projects.</summary>
public static class Population
{
    public static string Id(int firm) => $"lt-{firm:D6}";
    public static string County(int firm) => CountyCatalogue.All[firm % CountyCatalogue.All.Count].Id;
    public static UpsertEnterprise Profile(int firm) => new($"负载测试企业{firm}", County(firm), "equipment", firm % 10 != 0, "active");
    public static AddProject NewProject() => new("负载测试项目", "technical", 100_000_000m, 50_000_000m, "2022-01", "2023-12", "underway");
}

public sealed class OrleansTarget : IChangeTarget
{
    private static readonly ChangeContext Context = new("load-test", "load-test");
    private readonly IHost _host;
    public IClusterClient Client { get; }

    private OrleansTarget(IHost host)
    {
        _host = host;
        Client = host.Services.GetRequiredService<IClusterClient>();
    }

    public static async Task<OrleansTarget> Connect(Options options)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        var settings = new OrleansSettings();
        builder.UseOrleansClient(c => c
            .UseStaticClustering(options.Gateways.Select(p => new IPEndPoint(IPAddress.Loopback, p)).ToArray())
            .Configure<ClusterOptions>(o => { o.ClusterId = settings.ClusterId; o.ServiceId = settings.ServiceId; }));
        var host = builder.Build();
        await host.StartAsync();
        return new OrleansTarget(host);
    }

    private IEnterpriseGrain Firm(int i) => Client.GetGrain<IEnterpriseGrain>(Population.Id(i));

    private static void Check(CommandResult r)
    {
        if (!r.Succeeded) throw new LoadError(r.Outcome.ToString());
    }

    public async Task Register(int firm)
    {
        var g = Firm(firm);
        Check(await g.Upsert(Population.Profile(firm), Context));
        Check(await g.AddProject(Population.NewProject(), Context));
        Check(await g.AddProject(Population.NewProject(), Context));
    }

    public async Task AddProject(int firm) => Check(await Firm(firm).AddProject(Population.NewProject(), Context));
    public async Task Progress(int firm, string projectId, string month, decimal amount) => Check(await Firm(firm).ReportProgress(new ReportProgress(projectId, month, amount), Context));
    public async Task Status(int firm, string projectId, string status) => Check(await Firm(firm).SetProjectStatus(new SetProjectStatus(projectId, status), Context));

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}

public sealed class RestTarget : IChangeTarget
{
    private readonly HttpClient[] _clients;
    private int _next;

    public RestTarget(Options options)
    {
        var url = options.Url;
        var key = options.Text("signing-key", "");
        var settings = new AuthSettings { SigningKey = key.Length == 0 ? null : key };
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        // Several users, as several agents would be: the API's rate limit is per user.
        _clients = Enumerable.Range(0, Math.Max(1, options.Int("users", 16))).Select(i =>
        {
            var http = new HttpClient(handler, disposeHandler: false) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
            http.DefaultRequestHeaders.Authorization = new("Bearer", TokenIssuer.Issue(settings, "city", null, $"load-test-{i}", TimeSpan.FromHours(2)));
            return http;
        }).ToArray();
    }

    private HttpClient Http => _clients[(uint)Interlocked.Increment(ref _next) % _clients.Length];

    private static async Task Check(Task<HttpResponseMessage> call)
    {
        using var r = await call;
        if (!r.IsSuccessStatusCode) throw new LoadError($"HTTP {(int)r.StatusCode}");
    }

    public async Task Register(int firm)
    {
        var id = Population.Id(firm);
        var p = Population.Profile(firm);
        await Check(Http.PutAsJsonAsync($"/api/enterprises/{id}", new { name = p.Name, countyId = p.CountyId, sector = p.Sector, aboveScale = p.AboveScale, status = p.Status }));
        await AddProject(firm);
        await AddProject(firm);
    }

    private static readonly byte[] NewProjectBody = NewProjectJson();
    private static readonly Dictionary<string, byte[]> StatusBodies = new[] { "underway", "completed" }.ToDictionary(s => s, s => JsonBodies.Serialised(new { status = s }));

    private static byte[] NewProjectJson()
    {
        var n = Population.NewProject();
        return JsonBodies.Serialised(new { name = n.Name, kind = n.Kind, totalInvestment = n.TotalInvestment, plannedThisYear = n.PlannedThisYear, startMonth = n.StartMonth, endMonth = n.EndMonth, status = n.Status });
    }

    public Task AddProject(int firm) =>
        Check(Http.PostAsync($"/api/enterprises/{Population.Id(firm)}/projects", JsonBodies.Content(NewProjectBody)));

    public Task Progress(int firm, string projectId, string month, decimal amount) =>
        Check(Http.PutAsync($"/api/enterprises/{Population.Id(firm)}/projects/{projectId}/progress/{month}", JsonBodies.Invested(amount)));

    public Task Status(int firm, string projectId, string status) =>
        Check(Http.PutAsync($"/api/enterprises/{Population.Id(firm)}/projects/{projectId}/status",
            StatusBodies.TryGetValue(status, out var body) ? JsonBodies.Content(body) : JsonContent.Create(new { status })));

    public ValueTask DisposeAsync()
    {
        foreach (var c in _clients) c.Dispose();
        return ValueTask.CompletedTask;
    }
}

public sealed class LoadError(string kind) : Exception(kind);
