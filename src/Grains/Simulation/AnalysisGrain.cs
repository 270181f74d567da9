using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Programme.Simulation;

namespace Programme.Grains.Simulation;

/// <summary>
/// One analysis under its cache key: plans its evaluations, hands them to <see cref="AnalysisWorkerGrain"/>s across the
/// cluster a few at a time, counts progress, and keeps the assembled results — so an identical request (same key) is
/// answered from storage. The loop runs beside the grain's calls; reactivated mid-run it starts again (same answer).
/// </summary>
public sealed class AnalysisGrain(
    [PersistentState("analysis", StorageNames.Programme)] IPersistentState<AnalysisState> state,
    TimeProvider clock,
    ILogger<AnalysisGrain> logger) : Grain, IAnalysisGrain
{
    private const int InFlight = 4;
    private Task? _loop;
    private int _done, _total;
    private readonly Stopwatch _watch = new();

    private AnalysisState S => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (S.Definition is not null && S.Status == "running") StartLoop();
        return Task.CompletedTask;
    }

    public async Task<AnalysisView> Start(AnalysisDefinition definition)
    {
        if (S.Definition is null)
        {
            S.Definition = definition;
            S.Status = "running";
            S.CreatedAt = clock.GetUtcNow();
            await state.WriteStateAsync();
            StartLoop();
        }
        return View();
    }

    public Task<AnalysisView?> Get() => Task.FromResult(S.Definition is null ? null : View());

    private void StartLoop()
    {
        if (_loop is not null) return;
        _loop = Run();
    }

    private async Task Run()
    {
        var plan = AnalysisRunner.Plan(S.Definition!);
        _total = plan.Count;
        _done = 0;
        _watch.Restart();
        try
        {
            var points = new AnalysisPoint[plan.Count];
            var next = 0;
            async Task Lane()
            {
                while (true)
                {
                    var i = Interlocked.Increment(ref next) - 1;
                    if (i >= plan.Count) return;
                    // Evaluations go to stateless workers, which Orleans places on every silo with room.
                    points[i] = await GrainFactory.GetGrain<IAnalysisWorkerGrain>(i % 64).Evaluate(plan[i]);
                    _done++;
                    DelayDeactivation(TimeSpan.FromMinutes(5));
                }
            }
            await Task.WhenAll(Enumerable.Range(0, InFlight).Select(_ => Lane()));
            S.Results = AnalysisRunner.Assemble(S.Definition!, points);
            S.Status = "completed";
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Analysis {Id} failed", this.GetPrimaryKeyString());
            S.Status = "failed";
            S.Error = ex.Message;
        }
        S.ElapsedSeconds = _watch.Elapsed.TotalSeconds;
        await state.WriteStateAsync();
        logger.LogInformation("Analysis {Id}: {Count} evaluations in {Seconds:0.0} s", this.GetPrimaryKeyString(), _total, S.ElapsedSeconds);
    }

    private AnalysisView View() => new()
    {
        Id = this.GetPrimaryKeyString(), Status = S.Status, Request = S.Definition!, Results = S.Results, Error = S.Error, CreatedAt = S.CreatedAt,
        Done = S.Status == "completed" ? S.Results?.Evaluations ?? _total : _done, Total = S.Status == "completed" ? S.Results?.Evaluations ?? _total : _total,
        ElapsedSeconds = S.Status == "running" ? _watch.Elapsed.TotalSeconds : S.ElapsedSeconds,
    };
}
