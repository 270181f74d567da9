using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Programme.Tests.Fixtures;

/// <summary>
/// The silo's <see cref="TimeProvider"/> for tests of windows, expiries and lockouts: the date and time come from a
/// <see cref="FakeTimeProvider"/> that only the test moves (<see cref="Advance"/>), so a seven-day objection window
/// passes in no time at all. Timers and elapsed-time stamps stay real: Orleans drives its own machinery (grain timers,
/// membership, the board flushes) from the same registration, and it must keep running while the calendar stands still.
/// </summary>
public sealed class FakeClock : TimeProvider
{
    /// <summary>Starts at the real present, so the dates in histories and boards look like today's.</summary>
    public FakeTimeProvider Calendar { get; } = new(DateTimeOffset.UtcNow);

    public override DateTimeOffset GetUtcNow() => Calendar.GetUtcNow();

    public DateTimeOffset Now => Calendar.GetUtcNow();

    public void Advance(TimeSpan by) => Calendar.Advance(by);
}

/// <summary>An in-process cluster (no data) whose grains read the date from a <see cref="FakeClock"/>.</summary>
public sealed class FakeClockClusterFixture : ClusterFixture
{
    public FakeClock Clock { get; } = new();

    protected override void ConfigureSilo(ISiloBuilder silo) => silo.Services.AddSingleton<TimeProvider>(Clock);
}
