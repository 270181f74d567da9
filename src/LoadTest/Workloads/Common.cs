namespace Programme.LoadTest.Workloads;

public static class Common
{
    public static async Task<IChangeTarget> Target(Options o) => o.Text("via", "orleans") switch
    {
        "orleans" => await OrleansTarget.Connect(o),
        "rest" => new RestTarget(o),
        var other => throw new ArgumentException($"--via must be orleans or rest, not '{other}'"),
    };
}
