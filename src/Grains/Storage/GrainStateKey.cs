namespace Programme.Grains.Storage;

/// <summary>
/// Where a grain's state lives in <c>grain_state</c> (migration 0002): the state's name and the grain's key split as
/// Orleans's ADO.NET provider split it, so rows written before our own provider existed are the same rows now.
/// A GUID key (with or without a key extension) is its 16 bytes as two little-endian 64-bit halves and the extension
/// as text; an integer key is (0, key) and the extension; anything else is the key's text with both halves 0. Which of
/// the three a key is comes from the same Orleans methods the stock provider asks (GUID first, then integer), so a
/// string key that happens to read as hex is classified exactly as it was when it was first stored.
/// </summary>
public readonly record struct GrainStateKey(string StateName, string KeyText, long N0, long N1)
{
    public static GrainStateKey From(string stateName, GrainId grainId)
    {
        // The stock provider reduces generic CLR type names (with a backtick) to another form; our state names are the
        // grains' [PersistentState] names, plain words, so that reduction never applied and is refused rather than guessed.
        if (stateName.Contains('`'))
            throw new NotSupportedException($"State name '{stateName}' looks like a generic type name; grain_state keys plain [PersistentState] names only.");
        if (grainId.TryGetGuidKey(out var guid, out var guidExtension))
        {
            Span<byte> bytes = stackalloc byte[16];
            guid.TryWriteBytes(bytes);
            return new(stateName, guidExtension ?? "", BitConverter.ToInt64(bytes[..8]), BitConverter.ToInt64(bytes[8..]));
        }
        if (grainId.TryGetIntegerKey(out var integer, out var integerExtension))
            return new(stateName, integerExtension ?? "", 0, integer);
        return new(stateName, grainId.Key.ToString(), 0, 0);
    }
}
