using Programme.Tests.Fixtures;

namespace Programme.Tests.Forecasts;

/// <summary>The real app for forecast tests, whose extra command-line configuration a test may change before a restart.</summary>
public sealed class ForecastApp : AppProcess
{
    public List<string> Arguments { get; } = [];
    protected override IEnumerable<string> ExtraArguments => Arguments;
}
