namespace Programme.Tests.Fixtures;

/// <summary>
/// One app process with the default data, shared by the test classes that use disjoint data (each its own firms,
/// batches, scenarios and users, and assertions relative to what they read first): the dataset loads once instead of
/// once per class. A class that asserts absolute figures of the default data, or kills its app, keeps its own
/// <see cref="AppProcess"/> as a class fixture. Join with <c>[Collection(SharedApp.Name)]</c> and take an
/// <see cref="AppProcess"/> in the constructor.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedApp : ICollectionFixture<AppProcess>
{
    public const string Name = "Shared app with the default data";
}

/// <summary>One in-process cluster on a fake calendar (<see cref="FakeClockClusterFixture"/>) for the classes that move it.</summary>
[CollectionDefinition(Name)]
public sealed class SharedFakeClockCluster : ICollectionFixture<FakeClockClusterFixture>
{
    public const string Name = "Shared cluster on a fake clock";
}
