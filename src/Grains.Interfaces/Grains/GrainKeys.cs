namespace Programme.Grains;

public static class GrainKeys
{
    /// <summary>The live city programme's grain key.</summary>
    public const string City = "city";
}
