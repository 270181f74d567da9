namespace Programme.Domain;

/// <summary>The city's industries (行业), the controlled vocabulary for an enterprise's sector.</summary>
public static class Sectors
{
    public static readonly IReadOnlyList<Sector> All =
    [
        new("gold", "黄金", "Gold"),
        new("coal", "煤炭", "Coal"),
        new("aluminium", "铝及铝加工", "Aluminium"),
        new("copper-foil", "铜箔", "Copper foil"),
        new("building-materials", "建材", "Building materials"),
        new("chemicals", "化工", "Chemicals"),
        new("equipment", "装备制造", "Equipment manufacturing"),
        new("new-materials", "新材料", "New materials"),
        new("food", "食品", "Food and drink"),
        new("pharma", "生物医药", "Pharmaceuticals"),
        new("energy", "能源", "Energy"),
        new("electronics", "电子信息", "Electronics"),
        new("other", "其他", "Other"),
    ];

    private static readonly HashSet<string> Ids = All.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);

    public static bool Exists(string? id) => id is not null && Ids.Contains(id);

    /// <summary>The list's own instance of a known id (one string per sector, however many firms name it).</summary>
    public static string Canonical(string id) => Ids.TryGetValue(id, out var known) ? known : id;

    public static string AllowedIds => string.Join(", ", All.Select(s => s.Id));
}
