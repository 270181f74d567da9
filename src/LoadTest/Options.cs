using System.Globalization;
using System.Net;

namespace Programme.LoadTest;

/// <summary>--name value options, with the bounds every load run obeys (time, requests, loopback targets).</summary>
public sealed class Options
{
    public const int MaxSeconds = 600;
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _flags = new(StringComparer.OrdinalIgnoreCase);

    public Options(IEnumerable<string> args)
    {
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (!list[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"unexpected '{list[i]}'");
            var name = list[i][2..];
            if (i + 1 < list.Count && !list[i + 1].StartsWith("--", StringComparison.Ordinal)) _values[name] = list[++i];
            else _flags.Add(name);
        }
    }

    public bool Flag(string name) => _flags.Contains(name);
    public string Text(string name, string fallback) => _values.GetValueOrDefault(name, fallback);
    public int Int(string name, int fallback) => _values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
    public double Double(string name, double fallback) => _values.TryGetValue(name, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public TimeSpan Duration(double fallbackSeconds)
    {
        var seconds = Double("duration", fallbackSeconds);
        if (seconds <= 0 || seconds > MaxSeconds) throw new ArgumentException($"--duration must be 0–{MaxSeconds} seconds");
        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>--warmup S: seconds of the same load before the recorded window, not recorded (default 0: none).</summary>
    public TimeSpan Warmup()
    {
        var seconds = Double("warmup", 0);
        if (seconds < 0 || seconds > MaxSeconds) throw new ArgumentException($"--warmup must be 0–{MaxSeconds} seconds");
        return TimeSpan.FromSeconds(seconds);
    }

    public long MaxRequests => (long)Double("max-requests", 10_000_000);

    /// <summary>The web front end to load: loopback only, unless --allow-host names the configured cluster host.</summary>
    public Uri Url
    {
        get
        {
            var url = new Uri(Text("url", "http://127.0.0.1:5080"));
            CheckHost(url.Host);
            return url;
        }
    }

    public int[] Gateways => Text("gateway", "30000").Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();

    public void CheckHost(string host)
    {
        var allowed = Text("allow-host", "");
        if (host == allowed && allowed.Length > 0) return;
        if (host == "localhost") return;
        if (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip)) return;
        throw new ArgumentException($"'{host}' is not a loopback address; load only this machine (or name the configured cluster host with --allow-host)");
    }
}
