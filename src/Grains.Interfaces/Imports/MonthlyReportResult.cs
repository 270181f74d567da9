using Programme.Aggregation;
using Programme.Commands;

namespace Programme.Imports;

/// <summary>An enterprise's answer to a whole monthly report: the outcome, and the report its county must now hold.</summary>
[GenerateSerializer, Immutable]
public sealed record MonthlyReportResult([property: Id(0)] CommandResult Result, [property: Id(1)] EnterpriseReport? Report);
