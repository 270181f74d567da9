namespace Programme.Imports;

/// <summary>What is wrong with one spreadsheet row (its number as the spreadsheet shows it) and in which column.</summary>
[GenerateSerializer, Immutable]
public sealed record RowProblem([property: Id(0)] int Row, [property: Id(1)] string Column, [property: Id(2)] string Message);
