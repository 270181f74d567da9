using System.Globalization;
using Programme.Domain;

namespace Programme.Grains.Enterprises;

/// <summary>Collects validation failures by field name (the JSON body's name), with the rule each broke.</summary>
internal sealed class FieldErrors
{
    /// <summary>No single amount in the programme is anywhere near this (1 万亿 yuan); larger is a typing error.</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;
    public const int MaxNameLength = 200;

    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);

    public string? Text(string field, string? value, int maxLength = MaxNameLength)
    {
        if (string.IsNullOrWhiteSpace(value)) { Add(field, "is required"); return null; }
        var trimmed = value.Trim();
        if (trimmed.Length > maxLength) { Add(field, $"must be at most {maxLength} characters"); return null; }
        if (trimmed.Any(char.IsControl)) { Add(field, "must not contain control characters"); return null; }
        return trimmed;
    }

    public decimal? Money(string field, decimal? value, bool required = true, bool positive = false)
    {
        if (value is null)
        {
            if (required) Add(field, "is required");
            return null;
        }
        var v = value.Value;
        if (v < 0 || (positive && v == 0)) { Add(field, positive ? "must be greater than 0" : "must not be negative"); return null; }
        if (v > MaxAmount) { Add(field, $"must be at most {MaxAmount.ToString(CultureInfo.InvariantCulture)} yuan"); return null; }
        if (decimal.Round(v, 2) != v) { Add(field, "must have at most 2 decimal places (yuan and fen)"); return null; }
        return v;
    }

    public YearMonth? Month(string field, string? value, bool required = true)
    {
        if (value is null)
        {
            if (required) Add(field, "is required");
            return null;
        }
        if (!YearMonth.TryParse(value, out var month))
        {
            Add(field, $"must be a month \"YYYY-MM\" between {YearMonth.MinYear} and {YearMonth.MaxYear}");
            return null;
        }
        return month;
    }

    public T? Enum<T>(string field, string? value, bool required = true) where T : struct, System.Enum
    {
        if (value is null)
        {
            if (required) Add(field, "is required");
            return null;
        }
        if (Wire.TryParse<T>(value, out var parsed)) return parsed;
        Add(field, $"must be one of: {Wire.Allowed<T>()}");
        return null;
    }
}
