using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Programme.Domain;

/// <summary>A calendar month (年月), the programme's unit of reporting. Serialised as "YYYY-MM".</summary>
[GenerateSerializer, Immutable, Alias("programme.year-month")]
[JsonConverter(typeof(YearMonthJsonConverter))]
public readonly record struct YearMonth : IComparable<YearMonth>
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    [Id(0)] public int Year { get; }
    [Id(1)] public int Month { get; }

    public YearMonth(int year, int month)
    {
        if (year < MinYear || year > MaxYear) throw new ArgumentOutOfRangeException(nameof(year), $"year must be {MinYear}–{MaxYear}");
        if (month < 1 || month > 12) throw new ArgumentOutOfRangeException(nameof(month), "month must be 1–12");
        Year = year;
        Month = month;
    }

    /// <summary>Months since year 0: handy for arithmetic and compact storage.</summary>
    public int Ordinal => Year * 12 + Month - 1;

    public static YearMonth FromOrdinal(int ordinal) => new(ordinal / 12, ordinal % 12 + 1);

    public YearMonth AddMonths(int months) => FromOrdinal(Ordinal + months);

    public int MonthsUntil(YearMonth later) => later.Ordinal - Ordinal;

    public static bool TryParse(string? text, out YearMonth value)
    {
        value = default;
        if (text is null || text.Length != 7 || text[4] != '-') return false;
        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y)) return false;
        if (!int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)) return false;
        if (y < MinYear || y > MaxYear || m < 1 || m > 12) return false;
        value = new YearMonth(y, m);
        return true;
    }

    public static YearMonth Parse(string text) =>
        TryParse(text, out var v) ? v : throw new FormatException($"'{text}' is not a month of the form YYYY-MM ({MinYear}–{MaxYear}).");

    public int CompareTo(YearMonth other) => Ordinal.CompareTo(other.Ordinal);
    public static bool operator <(YearMonth a, YearMonth b) => a.Ordinal < b.Ordinal;
    public static bool operator >(YearMonth a, YearMonth b) => a.Ordinal > b.Ordinal;
    public static bool operator <=(YearMonth a, YearMonth b) => a.Ordinal <= b.Ordinal;
    public static bool operator >=(YearMonth a, YearMonth b) => a.Ordinal >= b.Ordinal;

    public override string ToString() => $"{Year:D4}-{Month:D2}";
}

public sealed class YearMonthJsonConverter : JsonConverter<YearMonth>
{
    public override YearMonth Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String) throw new JsonException("a month must be a string \"YYYY-MM\"");
        return YearMonth.TryParse(reader.GetString(), out var v) ? v : throw new JsonException("a month must be \"YYYY-MM\"");
    }

    public override void Write(Utf8JsonWriter writer, YearMonth value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
