using System.Diagnostics;
using System.Text.Json;
using HdrHistogram;

namespace Programme.LoadTest;

/// <summary>Counts operations and errors, keeps latencies in an HdrHistogram (µs), prints live progress and the summary.</summary>
public sealed class Recorder(string workload, TextWriter progress)
{
    private readonly LongHistogram _latency = new(TimeStamp.Hours(1), 3);
    private readonly object _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _ok;
    private long _errors;
    private readonly Dictionary<string, long> _errorKinds = new();
    public Dictionary<string, object> Extra { get; } = new();

    public long Operations => Interlocked.Read(ref _ok);
    public long Errors => Interlocked.Read(ref _errors);
    public TimeSpan Elapsed => _clock.Elapsed;

    public void Restart() => _clock.Restart();

    public void Ok(TimeSpan latency)
    {
        Interlocked.Increment(ref _ok);
        lock (_gate) _latency.RecordValue(Math.Max(1, (long)(latency.TotalMicroseconds)));
    }

    public void Error(string kind)
    {
        Interlocked.Increment(ref _errors);
        lock (_gate) _errorKinds[kind] = _errorKinds.GetValueOrDefault(kind) + 1;
    }

    /// <summary>Prints a line a second until the token fires.</summary>
    public async Task Report(CancellationToken stop)
    {
        long last = 0;
        while (!stop.IsCancellationRequested)
        {
            try { await Task.Delay(1000, stop); } catch (OperationCanceledException) { break; }
            var now = Operations;
            progress.WriteLine($"[{workload}] {Elapsed.TotalSeconds,6:0.0}s  {now - last,8}/s  total {now,10}  errors {Errors}");
            last = now;
        }
    }

    public Result Finish(IDictionary<string, object>? extra = null)
    {
        lock (_gate)
        {
            double Ms(double percentile) => _latency.TotalCount == 0 ? 0 : _latency.GetValueAtPercentile(percentile) / 1000.0;
            var result = new Result
            {
                Workload = workload,
                Seconds = Math.Round(Elapsed.TotalSeconds, 3),
                Operations = Operations,
                Errors = Errors,
                ErrorKinds = new Dictionary<string, long>(_errorKinds),
                Throughput = Math.Round(Operations / Math.Max(0.001, Elapsed.TotalSeconds), 1),
                P50Ms = Ms(50), P90Ms = Ms(90), P99Ms = Ms(99),
                MaxMs = _latency.TotalCount == 0 ? 0 : _latency.GetMaxValue() / 1000.0,
                Machine = $"{Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1 << 30)} GiB",
                Extra = new Dictionary<string, object>(Extra),
            };
            if (extra is not null) foreach (var kv in extra) result.Extra[kv.Key] = kv.Value;
            return result;
        }
    }
}

public sealed class Result
{
    public string Workload { get; init; } = "";
    public double Seconds { get; init; }
    public long Operations { get; init; }
    public long Errors { get; init; }
    public Dictionary<string, long> ErrorKinds { get; init; } = new();
    public double Throughput { get; init; }
    public double P50Ms { get; init; }
    public double P90Ms { get; init; }
    public double P99Ms { get; init; }
    public double MaxMs { get; init; }
    public string Machine { get; init; } = "";
    public Dictionary<string, object> Extra { get; init; } = new();
    public bool CheckFailed { get; set; }

    public void Print(TextWriter output)
    {
        output.WriteLine($"{Workload}: {Operations} ok, {Errors} errors in {Seconds:0.0} s = {Throughput:0.0}/s; latency p50 {P50Ms:0.00} ms, p90 {P90Ms:0.00} ms, p99 {P99Ms:0.00} ms, max {MaxMs:0.00} ms ({Machine})");
        foreach (var (k, v) in ErrorKinds) output.WriteLine($"  errors {k}: {v}");
        foreach (var (k, v) in Extra) output.WriteLine($"  {k}: {v}");
    }

    public static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
}
