namespace Programme.Silo;

public static class SimulateCommand
{
    public static Task<int> Run(string[] args) => Task.FromResult(2);
}
