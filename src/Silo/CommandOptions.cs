using System.Globalization;

namespace Programme.Silo;

/// <summary>"--name value" options of a command.</summary>
public sealed class CommandOptions(Dictionary<string, string> values, HashSet<string> flags)
{
    public static CommandOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"unexpected argument '{args[i]}'");
            if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)) values[args[i]] = args[++i];
            else flags.Add(args[i]);
        }
        return new CommandOptions(values, flags);
    }

    public string? String(string name) => values.GetValueOrDefault(name);
    public bool Flag(string name) => flags.Contains(name);

    public int Int(string name, int fallback) =>
        values.TryGetValue(name, out var v) ? int.Parse(v, NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;

    public long Long(string name, long fallback) =>
        values.TryGetValue(name, out var v) ? long.Parse(v, NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;

    public decimal? Decimal(string name) =>
        values.TryGetValue(name, out var v) ? decimal.Parse(v, NumberStyles.Number, CultureInfo.InvariantCulture) : null;
}
