namespace Programme.Grains.Simulation;

/// <summary>
/// Counter-based random numbers: every draw is a pure hash of (world, run, firm, month, purpose), so a firm's stream does
/// not depend on which shard, silo or thread simulates it, nor on what else was drawn before (SplitMix64's finaliser).
/// </summary>
public static class SimRandom
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public static ulong Combine(ulong a, ulong b) => Mix(a ^ Mix(b + Golden));

    /// <summary>The stream of one firm in one run: drawn from by month and purpose.</summary>
    public static ulong FirmKey(ulong world, int run, ulong firmId) => Combine(Combine(world, (ulong)run), firmId);

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public static double Uniform(ulong key, int month, Purpose purpose, int extra = 0) =>
        (Combine(key, ((ulong)(uint)month << 32) | ((ulong)(byte)purpose << 24) | (uint)(extra & 0xFFFFFF)) >> 11) * (1.0 / (1UL << 53));

    /// <summary>A standard normal draw (Box–Muller on two counter-based uniforms).</summary>
    public static double Normal(ulong key, int month, Purpose purpose, int extra = 0)
    {
        var u1 = 1.0 - Uniform(key, month, purpose, extra);
        var u2 = Uniform(key, month, purpose, extra + 0x100000);
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>FNV-1a of an id: a firm keeps its stream however the population around it changes.</summary>
    public static ulong Hash(string text)
    {
        var h = 0xCBF29CE484222325UL;
        foreach (var c in text)
        {
            h ^= c;
            h *= 0x100000001B3UL;
        }
        return Mix(h);
    }
}
