namespace Programme.Grains.Data;

[GenerateSerializer, Alias("programme.dataset-state")]
public sealed class DatasetState
{
    [Id(0)] public bool Loaded { get; set; }
    [Id(1)] public int Enterprises { get; set; }
    [Id(2)] public DateTimeOffset? LoadedAt { get; set; }
}
