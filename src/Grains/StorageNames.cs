namespace Programme.Grains;

public static class StorageNames
{
    /// <summary>The grain storage provider every grain type persists to.</summary>
    public const string Programme = "programme";
}
