namespace Programme.Domain;

/// <summary>The eight reporting units of Sanmenxia, with the contract's ids.</summary>
public static class CountyCatalogue
{
    public static readonly IReadOnlyList<County> All =
    [
        new("hubin", "湖滨区", "Hubin District"),
        new("shanzhou", "陕州区", "Shanzhou District"),
        new("mianchi", "渑池县", "Mianchi County"),
        new("lushi", "卢氏县", "Lushi County"),
        new("yima", "义马市", "Yima City"),
        new("lingbao", "灵宝市", "Lingbao City"),
        new("etdz", "经济技术开发区", "Economic & Technological Development Zone"),
        new("urdz", "城乡一体化示范区", "Urban-Rural Integration Demonstration Zone"),
    ];

    private static readonly Dictionary<string, County> ById = All.ToDictionary(c => c.Id, StringComparer.Ordinal);

    public static bool Exists(string? id) => id is not null && ById.ContainsKey(id);

    public static County Get(string id) => ById[id];

    public static string AllowedIds => string.Join(", ", All.Select(c => c.Id));
}
