namespace Programme.Boards;

/// <summary>Red / amber / green against a target and the calendar.</summary>
public static class Rag
{
    public const string Green = "green";
    public const string Amber = "amber";
    public const string Red = "red";
}
