using Programme.Accounts;
using Programme.Domain;
using Programme.Grains;

namespace Programme.Web.Api.History;

/// <summary>Resolves the names a history needs (operators, funding batches), each at most once per request.</summary>
public sealed class HistoryNames(IGrainFactory grains)
{
    public const string System = "系统";
    private readonly Dictionary<string, string> _actors = new(StringComparer.Ordinal);
    private Dictionary<string, string>? _batches;

    /// <param name="firms">The firms the entries are about (for their names and their projects' names).</param>
    public async Task<IReadOnlyList<HistoryEntryView>> Describe(IEnumerable<AuditEntry> entries, IEnumerable<Enterprise> firms)
    {
        var list = entries.ToList();
        var byId = firms.GroupBy(f => f.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var actor in list.Select(e => e.Actor).Distinct(StringComparer.Ordinal)) await Actor(actor);
        if (list.Any(e => e.Changes.Any(c => c.Field.StartsWith("grants/", StringComparison.Ordinal)))) await Batches();
        return [.. list.Select(e => new HistoryEntryView
        {
            Version = e.Version, At = e.At, Actor = e.Actor, ActorName = _actors[e.Actor], Via = e.Via, Source = e.Source,
            Action = e.Action, EnterpriseId = e.EnterpriseId,
            EnterpriseName = e.EnterpriseId is { } id && byId.TryGetValue(id, out var f) ? f.Name : null,
            Changes = [.. e.Changes.Select(c => new HistoryChangeView(c.Field, c.Before, c.After,
                ProjectOf(e.EnterpriseId is { } fid && byId.TryGetValue(fid, out var firm) ? firm : null, c.Field), BatchOf(c.Field)))],
        })];
    }

    public string? BatchName(string batchId) => _batches is not null && _batches.TryGetValue(batchId, out var n) ? n : null;

    /// <summary>projects/{p}/… and grants/{batch}/{p}/… name a project of the firm.</summary>
    private static string? ProjectOf(Enterprise? firm, string field)
    {
        if (firm is null) return null;
        var parts = field.Split('/');
        var id = parts[0] switch { "projects" when parts.Length > 1 => parts[1], "grants" when parts.Length > 2 => parts[2], _ => null };
        return id is null ? null : firm.Projects.FirstOrDefault(p => p.Id == id)?.Name;
    }

    private string? BatchOf(string field)
    {
        if (!field.StartsWith("grants/", StringComparison.Ordinal)) return null;
        var parts = field.Split('/');
        return parts.Length > 1 ? BatchName(parts[1]) : null;
    }

    public async Task<string> Actor(string actor)
    {
        if (_actors.TryGetValue(actor, out var known)) return known;
        string name;
        if (actor == "system") name = System;
        else if (actor.StartsWith("batch:", StringComparison.Ordinal))
            name = (await Batches()).TryGetValue(actor["batch:".Length..], out var b) ? b : "专项资金批次";
        else
            name = (await grains.GetGrain<IAccountGrain>(actor.ToLowerInvariant()).Get())?.DisplayName ?? actor;
        _actors[actor] = name;
        return name;
    }

    /// <summary>Reads the funding batches' names (for <see cref="BatchName"/>).</summary>
    public Task LoadBatches() => Batches();

    private async Task<Dictionary<string, string>> Batches() =>
        _batches ??= (await grains.GetGrain<IBatchCatalogueGrain>(GrainKeys.Batches).List()).ToDictionary(b => b.Id, b => b.Name, StringComparer.Ordinal);
}
