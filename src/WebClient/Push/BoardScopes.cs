using Programme.Domain;
using Programme.Grains;

namespace Programme.Web.Push;

/// <summary>The hub's scopes (CONTRACT.md): "city", "county:{id}", "batch:{id}", "scenario:{id}", and their current snapshots.</summary>
public static class BoardScopes
{
    public const string City = "city";

    /// <summary>The current snapshot of a scope, or null when there is no such scope.</summary>
    public static async Task<object?> Snapshot(IGrainFactory grains, string scope)
    {
        if (scope == City) return await grains.GetGrain<ICityGrain>(GrainKeys.City).GetBoard();
        var (kind, id) = Split(scope);
        return kind switch
        {
            "county" when CountyCatalogue.Exists(id) => await grains.GetGrain<ICountyGrain>(id).GetBoard(),
            "batch" when Grains.Enterprises.EnterpriseIds.IsValid(id) => await grains.GetGrain<IFundingBatchGrain>(id).GetBoard(),
            "scenario" when Api.ScenarioApi.ValidId(id) => await grains.GetGrain<Programme.Simulation.IScenarioGrain>(id).Get(),
            _ => null,
        };
    }

    public static (string Kind, string Id) Split(string scope)
    {
        var colon = scope.IndexOf(':');
        return colon < 0 ? (scope, "") : (scope[..colon], scope[(colon + 1)..]);
    }

    public static bool IsWellFormed(string? scope) =>
        scope is not null && scope.Length <= 200 && (scope == City || scope.IndexOf(':') > 0);
}
