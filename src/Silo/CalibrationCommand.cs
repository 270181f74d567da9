using Programme.Grains.Simulation;

namespace Programme.Silo;

/// <summary><c>calibration [--runs N] [--seed S]</c>: prints model against seed side by side; exit 1 when outside tolerance.</summary>
public static class CalibrationCommand
{
    public static async Task<int> Run(string[] args)
    {
        var options = CommandOptions.Parse(args);
        var report = await Calibration.Run(options.Int("--runs", 200), options.Long("--seed", 2022));
        Console.Write(Calibration.Format(report));
        Console.Error.WriteLine($"({report.Elapsed.TotalSeconds:0.0} s)");
        return report.WithinTolerance ? 0 : 1;
    }
}
