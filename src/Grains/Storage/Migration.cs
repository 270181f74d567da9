using System.Security.Cryptography;
using System.Text;

namespace Programme.Grains.Storage;

/// <summary>One versioned schema change: <c>Storage/Migrations/NNNN_what_it_does.sql</c>, embedded in this assembly.</summary>
public sealed record Migration(int Version, string Name, string Sql)
{
    /// <summary>Recorded when applied, so a migration edited after it shipped is noticed instead of silently skipped.</summary>
    public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));

    /// <summary>Every migration this build carries, in the order they apply.</summary>
    public static IReadOnlyList<Migration> All { get; } = Load("Migrations.");

    /// <summary>The SQLite schema's migrations (Storage/SqliteMigrations), applied by the product itself at start.</summary>
    public static IReadOnlyList<Migration> Sqlite { get; } = Load("SqliteMigrations.");

    public static int Latest => All[^1].Version;

    private static List<Migration> Load(string prefix)
    {
        var assembly = typeof(Migration).Assembly;
        var list = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(prefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal)) continue;
            var name = resource[prefix.Length..^".sql".Length];
            var underscore = name.IndexOf('_');
            if (underscore <= 0 || !int.TryParse(name.AsSpan(0, underscore), out var version))
                throw new InvalidOperationException($"Migration '{resource}' must be named NNNN_description.sql");
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            list.Add(new Migration(version, name, reader.ReadToEnd()));
        }
        list.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Version != i + 1)
                throw new InvalidOperationException($"Migrations must be numbered 1, 2, 3, … without gaps; found {list[i].Name} at position {i + 1}");
        }
        return list;
    }
}
