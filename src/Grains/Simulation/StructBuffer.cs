namespace Programme.Grains.Simulation;

/// <summary>A growable array of structs, updated in place by reference; removal swaps in the last item (order is irrelevant).</summary>
public sealed class StructBuffer<T> where T : struct
{
    private T[] _items = new T[16];

    public int Count { get; private set; }

    public ref T this[int index] => ref _items[index];

    public void Add(in T item)
    {
        if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        _items[Count++] = item;
    }

    public void RemoveAt(int index)
    {
        _items[index] = _items[--Count];
        _items[Count] = default;
    }

    public void Clear()
    {
        Array.Clear(_items, 0, Count);
        Count = 0;
    }
}
