using Programme.Domain;

namespace Programme.Tests.Foundation;

/// <summary>Two audit trails are the same entry for entry: every text, the time and its offset, the changes in order.</summary>
internal static class AuditAssert
{
    public static void Same(IEnumerable<AuditEntry> expected, IEnumerable<AuditEntry> actual)
    {
        var e = expected.ToList();
        var a = actual.ToList();
        Assert.Equal(e.Count, a.Count);
        for (var i = 0; i < e.Count; i++)
        {
            Assert.Equal(e[i].Version, a[i].Version);
            Assert.Equal(e[i].At, a[i].At);
            Assert.Equal(e[i].At.Offset, a[i].At.Offset);
            Assert.Equal(e[i].Actor, a[i].Actor);
            Assert.Equal(e[i].Via, a[i].Via);
            Assert.Equal(e[i].Source, a[i].Source);
            Assert.Equal(e[i].Action, a[i].Action);
            Assert.Equal(e[i].EnterpriseId, a[i].EnterpriseId);
            Assert.Equal(e[i].Changes, a[i].Changes);
        }
    }
}
