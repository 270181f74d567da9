using Orleans.Runtime;

namespace Programme.Web.Hosting;

/// <summary>
/// Grain references for the request path. <c>IGrainFactory.GetGrain&lt;T&gt;(string)</c> works out the grain interface's
/// type from its attributes by reflection on every call (Orleans 10.4 keeps no cache), which on a write was two
/// reflection walks and their allocations per request (the account check and the enterprise). This asks Orleans once
/// per interface and then builds the same reference from the grain id.
/// </summary>
public static class StringKeyGrains
{
    /// <summary>The same reference as <c>grains.GetGrain&lt;T&gt;(key)</c>.</summary>
    public static T Grain<T>(this IGrainFactory grains, string key) where T : IGrainWithStringKey
    {
        var types = Types<T>.Known ??= Types<T>.Resolve(grains);
        return (T)grains.GetGrain(GrainId.Create(types.Grain, key), types.Interface);
    }

    private static class Types<T> where T : IGrainWithStringKey
    {
        public static Resolved? Known;

        public static Resolved Resolve(IGrainFactory grains)
        {
            var sample = grains.GetGrain<T>("-");
            return new Resolved(sample.GetGrainId().Type, ((GrainReference)(object)sample).InterfaceType);
        }
    }

    private sealed record Resolved(GrainType Grain, GrainInterfaceType Interface);
}
