using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;

namespace Programme.Tests.Fixtures;

/// <summary>A real SignalR client of the board hub: it keeps every push, and resubscribes its scopes after a reconnect.</summary>
public sealed class BoardClient : IAsyncDisposable
{
    public HubConnection Connection { get; }
    public Channel<(string Scope, JsonElement Snapshot)> Pushes { get; } = Channel.CreateUnbounded<(string, JsonElement)>();
    public List<string> Scopes { get; } = [];
    public int Resubscribed;

    public BoardClient(Uri baseAddress)
    {
        Connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "/hubs/board"))
            .WithAutomaticReconnect([TimeSpan.Zero, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1),
                TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5),
                TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)])
            .Build();
        Connection.On<string, JsonElement>("board", (scope, snapshot) => Pushes.Writer.TryWrite((scope, snapshot)));
        Connection.Reconnected += async _ =>
        {
            foreach (var s in Scopes) await Connection.InvokeAsync<JsonElement>("Subscribe", s);
            Interlocked.Increment(ref Resubscribed);
        };
    }

    public async Task<JsonElement> Subscribe(string scope)
    {
        Scopes.Add(scope);
        return await Connection.InvokeAsync<JsonElement>("Subscribe", scope);
    }

    /// <summary>Waits for a push of <paramref name="scope"/> that satisfies the condition; returns it and when it came.</summary>
    public async Task<JsonElement> Next(string scope, Func<JsonElement, bool> condition, TimeSpan within)
    {
        using var cts = new CancellationTokenSource(within);
        try
        {
            while (true)
            {
                var (s, snapshot) = await Pushes.Reader.ReadAsync(cts.Token);
                if (s == scope && condition(snapshot)) return snapshot;
            }
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"no matching push on {scope} within {within.TotalSeconds} s");
        }
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
