namespace Programme.Push;

/// <summary>A board snapshot: its version grows with every change it reflects.</summary>
public interface IVersionedSnapshot
{
    long Version { get; }
}
