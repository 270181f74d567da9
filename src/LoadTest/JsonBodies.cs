using System.Buffers.Text;
using System.Net.Http.Json;

namespace Programme.LoadTest;

/// <summary>
/// Request bodies written straight as UTF-8 bytes (or serialised once and reused), so the HTTP loop spends as little of
/// the shared cores as it can on its own JSON. The REST workload and its bare-Kestrel baseline both send through here.
/// </summary>
public static class JsonBodies
{
    private static readonly byte[] InvestedStart = "{\"invested\":"u8.ToArray();

    /// <summary><c>{"invested":amount}</c>.</summary>
    public static HttpContent Invested(decimal amount)
    {
        Span<byte> buffer = stackalloc byte[64];
        InvestedStart.CopyTo(buffer);
        if (!Utf8Formatter.TryFormat(amount, buffer[InvestedStart.Length..], out var written)) throw new ArgumentOutOfRangeException(nameof(amount));
        var length = InvestedStart.Length + written;
        buffer[length++] = (byte)'}';
        return Content(buffer[..length].ToArray());
    }

    /// <summary>A body serialised once: send <see cref="Content(byte[])"/> of the bytes as often as needed.</summary>
    public static byte[] Serialised<T>(T value) => JsonContent.Create(value).ReadAsByteArrayAsync().GetAwaiter().GetResult();

    public static HttpContent Content(byte[] json)
    {
        var content = new ByteArrayContent(json);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
        return content;
    }
}
