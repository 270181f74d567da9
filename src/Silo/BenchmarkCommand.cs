namespace Programme.Silo;

public static class BenchmarkCommand
{
    public static Task<int> Run(string[] args) => Task.FromResult(2);
}
