namespace Programme.Grains.Enterprises;

/// <summary>Enterprise ids per CONTRACT.md: 1–64 characters of [A-Za-z0-9_-].</summary>
public static class EnterpriseIds
{
    public static bool IsValid(string? id) => EnterpriseRules.IsValidId(id);
}
