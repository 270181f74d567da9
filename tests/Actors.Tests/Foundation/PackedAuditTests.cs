using Programme.Domain;
using Programme.Grains.Audit;

namespace Programme.Tests.Foundation;

/// <summary>The packed audit trail decodes to exactly the entries that went in, however they were appended.</summary>
public sealed class PackedAuditTests
{
    private static readonly DateTimeOffset China = new(2022, 3, 14, 9, 26, 53, TimeSpan.FromHours(8));

    private static AuditEntry Entry(long version, string actor, string via, string action, params FieldChange[] changes) => new()
    {
        Version = version, At = China.AddTicks(version * 12_345_678), Actor = actor, Via = via, Action = action, Changes = changes, EnterpriseId = "lt-000042",
    };

    private static FieldChange C(string field, string? before, string? after) => new(field, before, after);

    private static List<AuditEntry> Trail() =>
    [
        Entry(1, "system", "seed", "seed") with { At = new DateTimeOffset(2022, 1, 1, 0, 0, 0, TimeSpan.Zero) },
        Entry(2, "灵宝县经办人", "api", "upsert-enterprise",
            C("name", null, "灵宝金源矿业有限公司"), C("countyId", null, "lingbao"), C("aboveScale", null, "true"), C("status", null, "active")),
        Entry(3, "灵宝县经办人", "api", "add-project",
            C("projects/p0", null, "技术改造; technical; 100000000; 50000000; 2022-01–2023-12; underway; entered"),
            C("projects/p0/monthly/2022-01", null, "1200000.5")),
        // Same texts again (referred to, not repeated), a source file, no enterprise id (entries older than the field),
        // a negative offset, an empty text, a text too short to share, one past the varint's first byte.
        Entry(4, "灵宝县经办人", "import", "import-monthly-report",
            C("projects/p0", "技术改造; technical; 100000000; 50000000; 2022-01–2023-12; underway; entered", ""),
            C("projects/p0/monthly/2022-02", "0", "x"), C(new string('长', 200), null, "ab")) with
        {
            Source = "三月月报.xlsx", EnterpriseId = null, At = new DateTimeOffset(2022, 4, 1, 8, 0, 0, TimeSpan.FromMinutes(-330)),
        },
        // Not valid Unicode (a lone surrogate) survives too, and an entry with no changes.
        Entry(5, "agent\ud800", "web", "set-cloud", C("cloudSince", null, "2022-05\udc00")),
        Entry(long.MaxValue, "system", "grants", "record-grant") with { At = default },
    ];

    [Fact]
    public void Entries_decode_exactly_as_packed_whether_appended_at_once_or_one_by_one()
    {
        var trail = Trail();
        var atOnce = PackedAudit.Append([], trail);
        var oneByOne = trail.Aggregate(Array.Empty<byte>(), (packed, e) => PackedAudit.Append(packed, [e]));
        AuditAssert.Same(trail, PackedAudit.Read(atOnce));
        AuditAssert.Same(trail, PackedAudit.Read(oneByOne));
        Assert.Equal(trail.Count, PackedAudit.Count(atOnce));
        Assert.Equal(trail.Count, PackedAudit.Count(oneByOne));
        Assert.Empty(PackedAudit.Read([]));
        Assert.Equal(0, PackedAudit.Count([]));
    }

    [Fact]
    public void Appending_makes_a_new_array_and_leaves_the_old_one_as_it_was()
    {
        var trail = Trail();
        var first = PackedAudit.Append([], trail[..3]);
        var copy = first.ToArray();
        var second = PackedAudit.Append(first, trail[3..]);
        Assert.NotSame(first, second);
        Assert.Equal(copy, first);
        AuditAssert.Same(trail[..3], PackedAudit.Read(first));
        Assert.Same(first, PackedAudit.Append(first, []));
    }

    [Fact]
    public void Repeated_texts_are_stored_once_and_decode_to_one_instance()
    {
        var description = "技术改造; technical; 100000000; 50000000; 2022-01–2023-12; underway; entered";
        AuditEntry Project(long v, string id) => Entry(v, "load-test", "load-test", "add-project", C($"projects/{id}", null, description));
        var one = PackedAudit.Append([], [Project(1, "p0")]);
        var two = PackedAudit.Append(one, [Project(2, "p1")]);
        // The second entry's actor, via, enterprise id and description are references of a few bytes each.
        Assert.True(two.Length - one.Length < (one.Length - 1) / 2, $"the first entry took {one.Length - 1} bytes, the second {two.Length - one.Length}");
        var read = PackedAudit.Read(two);
        Assert.Same(read[0].Actor, read[1].Actor);
        Assert.Same(read[0].Changes[0].After, read[1].Changes[0].After);
    }

    [Fact]
    public void A_trail_of_a_newer_format_is_refused_rather_than_misread()
    {
        var packed = PackedAudit.Append([], Trail());
        packed[0] = 2;
        Assert.Throws<InvalidDataException>(() => PackedAudit.Read(packed));
    }
}
