using Programme.Boards;

namespace Programme.Grains.Forecasts;

/// <summary>A warning with the scope of the rule that raised it ("city", "county", "firm", "project") and its hysteresis key.</summary>
public sealed record RaisedWarning(string Key, string RuleScope, BoardWarning Warning);
