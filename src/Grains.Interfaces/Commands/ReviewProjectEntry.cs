namespace Programme.Commands;

/// <summary>
/// A review of a proposed project for the project database: "approve" moves it one stage on (county review, then the city's
/// admission: 入库), "return" sends it back to the firm and its county with a note. The county reviews first, then the city.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ReviewProjectEntry(
    [property: Id(0)] string ProjectId,
    [property: Id(1)] string? Decision,
    [property: Id(2)] string? Note = null);
