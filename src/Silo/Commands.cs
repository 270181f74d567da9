namespace Programme.Silo;

/// <summary>
/// The silo's commands besides running a silo: <c>simulate</c> (a headless scenario writing JSON and CSV),
/// <c>calibration</c> (model against the seed) and <c>benchmark</c> (the simulation's throughput against a baseline).
/// </summary>
public static class Commands
{
    public static bool TryRun(string[] args, out Task<int> run)
    {
        run = (args.Length > 0 ? args[0] : "") switch
        {
            "simulate" => SimulateCommand.Run(args[1..]),
            "calibration" => CalibrationCommand.Run(args[1..]),
            "benchmark" => BenchmarkCommand.Run(args[1..]),
            "analysis" => AnalysisCommand.Run(args[1..]),
            _ => null!,
        };
        return run is not null;
    }
}
