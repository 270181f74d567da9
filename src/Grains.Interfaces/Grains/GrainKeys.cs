namespace Programme.Grains;

public static class GrainKeys
{
    /// <summary>The live city programme's grain key.</summary>
    public const string City = "city";

    /// <summary>The catalogue of funding batches' grain key.</summary>
    public const string Batches = "batches";
}
