using Microsoft.AspNetCore.SignalR;

namespace Programme.Web.Push;

/// <summary>
/// /hubs/board: <c>Subscribe(scope)</c> joins the scope's group and returns its snapshot; the server then sends
/// <c>board(scope, snapshot)</c> with rising versions. <c>Unsubscribe(scope)</c> leaves.
/// </summary>
public sealed class BoardHub(IGrainFactory grains, BoardPushService push) : Hub
{
    public const string Path = "/hubs/board";
    public const string BoardMethod = "board";

    public async Task<object> Subscribe(string scope)
    {
        if (!BoardScopes.IsWellFormed(scope)) throw new HubException("Unknown scope. Use city, county:{id}, batch:{id} or scenario:{id}.");
        // Watch first, then read: an update produced in between is pushed, and the client keeps the newer version.
        await Groups.AddToGroupAsync(Context.ConnectionId, scope);
        await push.Watch(Context.ConnectionId, scope);
        var snapshot = await BoardScopes.Snapshot(grains, scope);
        if (snapshot is null)
        {
            await Unsubscribe(scope);
            throw new HubException($"Unknown scope '{scope}'.");
        }
        await push.Delivered(scope, snapshot, Context.ConnectionId);
        return snapshot;
    }

    public async Task Unsubscribe(string scope)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, scope);
        await push.Unwatch(Context.ConnectionId, scope);
    }

    public override Task OnDisconnectedAsync(Exception? exception) => push.Disconnected(Context.ConnectionId);
}
