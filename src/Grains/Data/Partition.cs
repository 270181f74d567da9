namespace Programme.Grains.Data;

/// <summary>Splits a whole total into whole parts proportional to weights, exactly (largest remainder).</summary>
internal static class Partition
{
    public static long[] Split(long total, IReadOnlyList<double> weights, long minimumEach = 0)
    {
        var n = weights.Count;
        var parts = new long[n];
        if (n == 0) return parts;
        var rest = total - minimumEach * n;
        if (rest < 0) throw new ArgumentException("total is smaller than the minimum of every part");
        var sum = weights.Sum();
        var remainders = new (double Fraction, int Index)[n];
        long given = 0;
        for (var i = 0; i < n; i++)
        {
            var exact = rest * (weights[i] / sum);
            var whole = (long)Math.Floor(exact);
            parts[i] = minimumEach + whole;
            given += whole;
            remainders[i] = (exact - whole, i);
        }
        // Highest fraction first; ties by index so the split is the same on every machine.
        Array.Sort(remainders, (a, b) => b.Fraction != a.Fraction ? b.Fraction.CompareTo(a.Fraction) : a.Index.CompareTo(b.Index));
        for (var k = 0; k < rest - given; k++) parts[remainders[k % n].Index]++;
        return parts;
    }

    /// <summary>Splits an amount of 万 yuan into <paramref name="months"/> monthly yuan amounts that add up exactly.</summary>
    public static decimal[] Monthly(long wan, int months)
    {
        var yuan = wan * 10_000L;
        var each = yuan / months;
        var result = new decimal[months];
        for (var i = 0; i < months; i++) result[i] = each;
        result[^1] += yuan - each * months;
        return result;
    }
}
