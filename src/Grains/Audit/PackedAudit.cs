using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using System.Text.Unicode;
using Programme.Domain;

namespace Programme.Grains.Audit;

/// <summary>
/// An enterprise's recent audit trail as one byte array, in memory and in its stored state: three entries as objects and
/// strings cost ≈ 1.2 KB of heap per firm, packed ≈ 0.3 KB. Entries are decoded only when the history is read, and
/// decode to exactly the entries that were packed (every text, the time with its offset, the order of the changes).
/// <para>
/// Format 1: a format byte, then the entries oldest first, each: varint version, varint <see cref="DateTimeOffset.Ticks"/>
/// (clock time), zig-zag varint offset in minutes, the texts actor, via, source, action, enterprise id, varint number of
/// changes, then per change the texts field, before, after. A text is a tag byte: 0 null; 1 UTF-8 (varint byte count,
/// the bytes); 2 a reference (varint distance back from this tag to a tag 1 or 3 text earlier in the array, which it
/// equals); 3 UTF-16 for a text that is not valid Unicode (varint char count, two bytes little-endian each); 4 + k the
/// k-th of <see cref="WellKnown"/>. An empty trail is an empty array.
/// </para>
/// </summary>
public static class PackedAudit
{
    private const byte Format = 1;
    private const byte Null = 0, Utf8Text = 1, Reference = 2, Utf16Text = 3, Known = 4;
    /// <summary>How far back a text is looked for (a short search per text on the write path; repeats are mostly recent).</summary>
    private const int Window = 1024;
    /// <summary>A text whose own encoding is shorter than this is not worth looking for.</summary>
    private const int MinShared = 4;

    /// <summary>
    /// Texts the trail is full of, one byte each. Stored trails refer to them by position: only ever append to this list
    /// (at most 252), never reorder, change or remove an entry.
    /// </summary>
    private static readonly string[] WellKnown =
    [
        // fields (EnterpriseDiff)
        "name", "countyId", "sector", "aboveScale", "aboveScaleSince", "status", "cloudSince", "digitalSince", "certifications",
        // actions (EnterpriseGrain)
        "seed", "upsert-enterprise", "add-project", "report-progress", "set-project-status", "set-cloud", "set-digital",
        "add-certification", "record-grant", "review-project-entry", "exit-project", "set-key-project", "import-monthly-report",
        // actors and channels
        "system", "api", "web", "import", "grants",
        // values
        "true", "false", "0", "active", "halted", "semi-halted", "revived",
        "planned", "underway", "completed", "cancelled", "entered", "proposed", "county-reviewed", "exited",
    ];

    private static readonly Dictionary<string, byte> KnownIndex = WellKnown.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => (byte)(Known + p.i), StringComparer.Ordinal);

    /// <summary>A new array: <paramref name="packed"/> followed by <paramref name="entries"/> (the given array is not changed).</summary>
    public static byte[] Append(byte[] packed, IReadOnlyList<AuditEntry> entries)
    {
        if (entries.Count == 0) return packed;
        var w = new Writer(packed.Length + 256 * entries.Count);
        try
        {
            if (packed.Length == 0) w.Byte(Format);
            else
            {
                CheckFormat(packed);
                w.Bytes(packed);
            }
            foreach (var e in entries) w.Entry(e);
            return w.ToArray();
        }
        finally
        {
            w.Dispose();
        }
    }

    /// <summary>The entries, oldest first.</summary>
    public static List<AuditEntry> Read(byte[] packed)
    {
        var entries = new List<AuditEntry>();
        if (packed.Length == 0) return entries;
        CheckFormat(packed);
        var r = new Reader(packed);
        while (r.More) entries.Add(r.Entry());
        return entries;
    }

    /// <summary>How many entries the array holds, without decoding their texts.</summary>
    public static int Count(byte[] packed)
    {
        if (packed.Length == 0) return 0;
        CheckFormat(packed);
        var r = new Reader(packed);
        var count = 0;
        for (; r.More; count++) r.Skip();
        return count;
    }

    private static void CheckFormat(byte[] packed)
    {
        if (packed[0] != Format) throw new InvalidDataException($"audit trail format {packed[0]} is not known to this build (it reads format {Format})");
    }

    private static ulong ZigZag(long v) => (ulong)((v << 1) ^ (v >> 63));
    private static long UnZigZag(ulong v) => (long)(v >> 1) ^ -(long)(v & 1);

    private static int VarintLength(ulong v)
    {
        var n = 1;
        for (; v >= 0x80; v >>= 7) n++;
        return n;
    }

    private struct Writer(int capacity) : IDisposable
    {
        private byte[] _buffer = ArrayPool<byte>.Shared.Rent(capacity);
        private int _at;

        public readonly byte[] ToArray() => _buffer.AsSpan(0, _at).ToArray();

        public void Dispose()
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }

        private void Ensure(int more)
        {
            if (_at + more <= _buffer.Length) return;
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _at + more));
            _buffer.AsSpan(0, _at).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }

        public void Byte(byte b)
        {
            Ensure(1);
            _buffer[_at++] = b;
        }

        public void Bytes(ReadOnlySpan<byte> bytes)
        {
            Ensure(bytes.Length);
            bytes.CopyTo(_buffer.AsSpan(_at));
            _at += bytes.Length;
        }

        public void Varint(ulong v)
        {
            Ensure(10);
            for (; v >= 0x80; v >>= 7) _buffer[_at++] = (byte)(v | 0x80);
            _buffer[_at++] = (byte)v;
        }

        public void Entry(AuditEntry e)
        {
            Varint((ulong)e.Version);
            Varint((ulong)e.At.Ticks);
            Varint(ZigZag((long)e.At.Offset.TotalMinutes));
            Text(e.Actor);
            Text(e.Via);
            Text(e.Source);
            Text(e.Action);
            Text(e.EnterpriseId);
            var changes = e.Changes ?? [];
            Varint((ulong)changes.Length);
            foreach (var c in changes)
            {
                Text(c.Field);
                Text(c.Before);
                Text(c.After);
            }
        }

        private void Text(string? s)
        {
            if (s is null) { Byte(Null); return; }
            if (KnownIndex.TryGetValue(s, out var known)) { Byte(known); return; }
            var start = _at;
            // Encode after room for the tag and the longest count, then move the bytes up behind the real count. Room for
            // all of it now, so that nothing below reallocates the buffer under the scratch span.
            const int Room = 1 + 5;
            Ensure(Room + s.Length * 3 + 10);
            var scratch = _buffer.AsSpan(start + Room);
            if (Utf8.FromUtf16(s, scratch, out _, out var written, replaceInvalidSequences: false) == OperationStatus.Done)
            {
                _buffer[_at++] = Utf8Text;
                Varint((ulong)written);
                scratch[..written].CopyTo(_buffer.AsSpan(_at));
                _at += written;
            }
            else
            {
                _buffer[_at++] = Utf16Text;
                Varint((ulong)s.Length);
                Ensure(s.Length * 2);
                foreach (var ch in s)
                {
                    BinaryPrimitives.WriteUInt16LittleEndian(_buffer.AsSpan(_at), ch);
                    _at += 2;
                }
            }
            var length = _at - start;
            if (length < MinShared) return;
            // The same text (tag, count and bytes) earlier in the trail: refer to it instead. Any match decodes to this text.
            var from = Math.Max(1, start - Window);
            var found = _buffer.AsSpan(from, start - from).IndexOf(_buffer.AsSpan(start, length));
            if (found < 0) return;
            var distance = (ulong)(start - (from + found));
            if (1 + VarintLength(distance) >= length) return;
            _at = start;
            _buffer[_at++] = Reference;
            Varint(distance);
        }
    }

    private struct Reader(byte[] packed)
    {
        private int _at = 1;
        /// <summary>Texts already decoded, by the position of their tag: a reference gives the same string instance.</summary>
        private Dictionary<int, string>? _texts;

        public readonly bool More => _at < packed.Length;

        private ulong Varint()
        {
            ulong v = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = packed[_at++];
                v |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80) return v;
                if (shift > 63) throw new InvalidDataException("audit trail: a number is too long");
            }
        }

        public AuditEntry Entry()
        {
            var version = (long)Varint();
            var ticks = (long)Varint();
            var offset = TimeSpan.FromMinutes(UnZigZag(Varint()));
            var actor = Text();
            var via = Text();
            var source = Text();
            var action = Text();
            var enterpriseId = Text();
            var changes = new FieldChange[(int)Varint()];
            for (var i = 0; i < changes.Length; i++) changes[i] = new FieldChange(Text()!, Text(), Text());
            return new AuditEntry
            {
                Version = version, At = new DateTimeOffset(ticks, offset), Actor = actor!, Via = via!, Source = source,
                Action = action!, Changes = changes, EnterpriseId = enterpriseId,
            };
        }

        /// <summary>Moves past one entry.</summary>
        public void Skip()
        {
            Varint();
            Varint();
            Varint();
            for (var i = 0; i < 5; i++) SkipText();
            var changes = (int)Varint();
            for (var i = 0; i < changes * 3; i++) SkipText();
        }

        private void SkipText()
        {
            var tag = packed[_at++];
            var count = tag is Utf8Text or Utf16Text or Reference ? (int)Varint() : 0;
            if (tag == Utf8Text) _at += count;
            else if (tag == Utf16Text) _at += 2 * count;
        }

        private string? Text()
        {
            var tagAt = _at;
            var tag = packed[_at++];
            switch (tag)
            {
                case Null: return null;
                case Reference:
                    var target = tagAt - (int)Varint();
                    if (_texts is not null && _texts.TryGetValue(target, out var seen)) return seen;
                    var back = _at;
                    _at = target;
                    var text = Text();
                    _at = back;
                    return text ?? throw new InvalidDataException("audit trail: a reference to no text");
                case Utf8Text or Utf16Text:
                    var count = (int)Varint();
                    string s;
                    if (tag == Utf8Text)
                    {
                        s = Encoding.UTF8.GetString(packed, _at, count);
                        _at += count;
                    }
                    else
                    {
                        s = string.Create(count, (Bytes: packed, From: _at), static (chars, p) =>
                        {
                            for (var i = 0; i < chars.Length; i++) chars[i] = (char)BinaryPrimitives.ReadUInt16LittleEndian(p.Bytes.AsSpan(p.From + 2 * i));
                        });
                        _at += 2 * count;
                    }
                    (_texts ??= [])[tagAt] = s;
                    return s;
                default:
                    var k = tag - Known;
                    return k < WellKnown.Length ? WellKnown[k] : throw new InvalidDataException($"audit trail: text {k} is not known to this build");
            }
        }
    }
}
