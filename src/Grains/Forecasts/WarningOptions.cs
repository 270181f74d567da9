namespace Programme.Grains.Forecasts;

/// <summary>Configuration section "Warnings": the early-warning rules (the defaults are in appsettings.json).</summary>
public sealed class WarningOptions
{
    public const string Section = "Warnings";

    public List<WarningRule> Rules { get; set; } = [];
}
