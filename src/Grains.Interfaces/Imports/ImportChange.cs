namespace Programme.Imports;

/// <summary>
/// One change a monthly report would make, as the preview lists it: the row, the firm and project (with names), the
/// month, the amount held now and the amount the row sets (yuan), and the reasons it needs a second look
/// (<see cref="ImportFlags"/>). Flagged rows are applied only when the agent confirms them one by one.
/// </summary>
[GenerateSerializer, Immutable, Alias("programme.import-change")]
public sealed record ImportChange
{
    [Id(0)] public int Row { get; init; }
    [Id(1)] public required string EnterpriseId { get; init; }
    [Id(2)] public required string EnterpriseName { get; init; }
    [Id(3)] public required string ProjectId { get; init; }
    [Id(4)] public required string ProjectName { get; init; }
    [Id(5)] public required string Month { get; init; }
    [Id(6)] public decimal Before { get; init; }
    [Id(7)] public decimal After { get; init; }
    [Id(8)] public IReadOnlyList<string> Flags { get; init; } = [];
    /// <summary>Set once applied: whether this row was among those applied.</summary>
    [Id(9)] public bool? Applied { get; init; }
}

/// <summary>Why a change needs a second look.</summary>
public static class ImportFlags
{
    /// <summary>A reported month set to 0 (清零).</summary>
    public const string Zeroing = "zeroing";
    /// <summary>At least <see cref="JumpFactor"/> times the amount held.</summary>
    public const string JumpUp = "jump-up";
    /// <summary>At most 1 / <see cref="JumpFactor"/> of the amount held (but not 0).</summary>
    public const string JumpDown = "jump-down";
    /// <summary>A first report for the month of at least half the project's total investment.</summary>
    public const string LargeShare = "large-share";

    public const decimal JumpFactor = 3m;
    public const decimal LargeShareOfTotal = 0.5m;

    public static IReadOnlyList<string> For(decimal before, decimal after, decimal projectTotal)
    {
        if (before > 0 && after == 0) return [Zeroing];
        if (before > 0 && after >= before * JumpFactor) return [JumpUp];
        if (before > 0 && after * JumpFactor <= before) return [JumpDown];
        if (before == 0 && projectTotal > 0 && after >= projectTotal * LargeShareOfTotal) return [LargeShare];
        return [];
    }
}
