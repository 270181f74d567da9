using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Programme.Boards;
using Programme.Domain;
using Programme.Push;
using Programme.Simulation;

namespace Programme.Grains.Simulation;

/// <summary>
/// One scenario: copies its starting firms (a live fork reads the live grains once and keeps the copy), drives its
/// shard grains through <see cref="ScenarioEngine"/> under the time control (as fast as possible, paced, paused,
/// stepped), publishes throttled progress to "scenario:{id}", and keeps the final results. Its loop runs beside the
/// grain's calls, so reads, pause and delete answer while it runs. Keys of its shards: "{id}/{n}" — never a live grain.
/// </summary>
public sealed class ScenarioGrain(
    [PersistentState("scenario", StorageNames.Programme)] IPersistentState<ScenarioState> state,
    IOptions<SimulationOptions> options,
    TimeProvider clock,
    ILogger<ScenarioGrain> logger) : Grain, IScenarioGrain
{
    private const int ReplayAttempts = 2;

    private readonly SemaphoreSlim _writing = new(1, 1);
    private CancellationTokenSource? _stop;
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ScenarioEngine? _engine;
    private ScenarioResults? _latest;
    private int _steps;
    private Task? _loop;
    private DateTimeOffset _lastPublished;
    private IGrainTimer? _expiry;

    private string Id => this.GetPrimaryKeyString();
    private ScenarioState S => state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (S.Definition is null) return;
        if (clock.GetUtcNow() >= S.ExpiresAt)
        {
            await state.ClearStateAsync(cancellationToken);
            await GrainFactory.GetGrain<IScenarioDirectoryGrain>(0).Remove(Id);
            return;
        }
        WatchExpiry();
        // Reactivated mid-run (collected while paused, or its silo died): replay deterministically to where it was.
        if (S.Status == ScenarioView.Running) StartLoop();
    }

    public async Task<ScenarioView> Start(ScenarioDefinition definition, string owner)
    {
        if (S.Definition is not null) return View();
        var now = clock.GetUtcNow();
        S.Definition = definition;
        S.Owner = owner;
        S.CreatedAt = now;
        S.ExpiresAt = now + options.Value.ScenarioTtl;
        S.Paused = definition.StartPaused;
        S.PaceMilliseconds = definition.PaceMilliseconds;
        if (definition.Baseline == ScenarioDefinition.LiveBaseline) S.LiveFirms = await ReadLive(definition);
        S.Version = 1;
        await Persist();
        await GrainFactory.GetGrain<IScenarioDirectoryGrain>(0).Add(new ScenarioSummary
        {
            Id = Id, Owner = owner, Baseline = definition.Baseline, StartMonth = definition.StartMonth.ToString(), Months = definition.Months,
            Runs = definition.Runs, Alternatives = definition.Alternatives.Length, CreatedAt = S.CreatedAt, ExpiresAt = S.ExpiresAt,
        });
        WatchExpiry();
        StartLoop();
        return View();
    }

    public Task<ScenarioView?> Get() => Task.FromResult(S.Definition is null ? null : View());

    public async Task<ScenarioView?> Pause()
    {
        if (S.Definition is null) return null;
        if (S.Status == ScenarioView.Running && !S.Paused)
        {
            S.Paused = true;
            S.PausedAt = _engine?.MonthsDone ?? S.PausedAt;
            _steps = 0;
            await Changed();
        }
        return View();
    }

    public async Task<ScenarioView?> Resume()
    {
        if (S.Definition is null) return null;
        if (S.Status == ScenarioView.Running && S.Paused)
        {
            S.Paused = false;
            await Changed();
        }
        return View();
    }

    public async Task<ScenarioView?> Step(int months)
    {
        if (S.Definition is null) return null;
        if (S.Status == ScenarioView.Running)
        {
            if (!S.Paused)
            {
                S.Paused = true;
                S.PausedAt = _engine?.MonthsDone ?? S.PausedAt;
            }
            _steps += Math.Max(1, months);
            await Changed();
        }
        return View();
    }

    public async Task<ScenarioView?> SetPace(int milliseconds)
    {
        if (S.Definition is null) return null;
        S.PaceMilliseconds = Math.Clamp(milliseconds, 0, 60_000);
        await Changed();
        return View();
    }

    public async Task<bool> Delete()
    {
        if (S.Definition is null) return false;
        await Cleanup();
        return true;
    }

    private async Task Cleanup()
    {
        _stop?.Cancel();
        Wake();
        if (_loop is not null) await _loop;
        var engine = _engine ?? (S.Definition is { } d ? NewEngine(d) : null);
        if (engine is not null) await engine.Release();
        _engine = null;
        _expiry?.Dispose();
        await _writing.WaitAsync();
        try { await state.ClearStateAsync(); }
        finally { _writing.Release(); }
        await GrainFactory.GetGrain<IScenarioDirectoryGrain>(0).Remove(Id);
        logger.LogInformation("Scenario {Id} deleted", Id);
        this.DeactivateOnIdle();
    }

    private void WatchExpiry()
    {
        var due = S.ExpiresAt - clock.GetUtcNow();
        if (due < TimeSpan.Zero) due = TimeSpan.Zero;
        _expiry?.Dispose();
        // KeepAlive: the scenario stays active until it expires, so it is cleaned up even if nobody asks again.
        _expiry = this.RegisterGrainTimer(async _ => { if (S.Definition is not null) await Cleanup(); },
            new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { KeepAlive = true, Interleave = true });
    }

    private ScenarioEngine NewEngine(ScenarioDefinition d) =>
        new(d, S.LiveFirms, i => new GrainShardRunner(GrainFactory.GetGrain<IScenarioShardGrain>($"{Id}/{i}")));

    private void StartLoop()
    {
        if (_loop is not null) return;
        _stop = new CancellationTokenSource();
        _loop = Run(_stop.Token);
    }

    private async Task Run(CancellationToken stop)
    {
        var d = S.Definition!;
        var watch = Stopwatch.StartNew();
        try
        {
            _engine = NewEngine(d);
            await _engine.Setup();
            // A replay after deactivation goes straight back to where the scenario was paused.
            if (S.Paused && S.PausedAt > 0) await Advance(S.PausedAt);
            while (_engine.MonthsDone < d.Months)
            {
                stop.ThrowIfCancellationRequested();
                if (S.Paused && _steps == 0)
                {
                    await Publish(force: true);
                    await Sleep(Timeout.InfiniteTimeSpan, stop);
                    continue;
                }
                var stepping = S.Paused;
                var paced = S.PaceMilliseconds > 0;
                var target = stepping || paced ? _engine.MonthsDone + 1 : _engine.MonthsDone + options.Value.MonthsPerCall;
                await Advance(target);
                if (stepping)
                {
                    _steps--;
                    S.PausedAt = _engine.MonthsDone;
                }
                S.EnterpriseMonths = _engine.EnterpriseMonths;
                S.ElapsedSeconds = watch.Elapsed.TotalSeconds;
                await Publish(force: stepping || paced);
                if (paced && !stepping && _engine.MonthsDone < d.Months) await Sleep(TimeSpan.FromMilliseconds(S.PaceMilliseconds), stop);
            }
            S.Results = _latest;
            S.Status = ScenarioView.Completed;
            S.ElapsedSeconds = watch.Elapsed.TotalSeconds;
            await Changed();
            await _engine.Release();
            logger.LogInformation("Scenario {Id} completed: {Months} months × {Runs} runs of {Firms} firms in {Seconds:0.00} s ({Rate:N0} enterprise-months/s)",
                Id, d.Months, d.Runs, _engine.Enterprises, watch.Elapsed.TotalSeconds, _engine.EnterpriseMonths / Math.Max(1e-9, watch.Elapsed.TotalSeconds));
            // The scenario stays active until it expires: keep only its results, not the per-run level tables.
            _engine = null;
            _latest = null;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Scenario {Id} failed", Id);
            S.Status = ScenarioView.Failed;
            S.Error = ex.Message;
            try { await Changed(); } catch (Exception inner) { logger.LogWarning(inner, "Scenario {Id}: could not record the failure", Id); }
        }
        finally
        {
            _loop = null;
        }
    }

    /// <summary>Advances the shards; a shard that lost its state makes the whole scenario replay, with the same results.</summary>
    private async Task Advance(int target)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await _engine!.AdvanceTo(target);
                _latest = _engine.Results();
                DelayDeactivation(TimeSpan.FromMinutes(5));
                return;
            }
            catch (ShardLostException) when (attempt < ReplayAttempts)
            {
                logger.LogWarning("Scenario {Id}: a shard lost its state; replaying to month {Target}", Id, target);
                await _engine!.Setup();
            }
        }
    }

    private async Task Sleep(TimeSpan delay, CancellationToken stop)
    {
        var wake = _wake.Task;
        if (delay == Timeout.InfiniteTimeSpan) await wake.WaitAsync(stop);
        else await Task.WhenAny(wake, Task.Delay(delay, stop));
        stop.ThrowIfCancellationRequested();
    }

    private void Wake()
    {
        var previous = _wake;
        _wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        previous.TrySetResult();
    }

    private async Task Changed()
    {
        S.Version++;
        await Persist();
        Wake();
        await Publish(force: true, bump: false);
    }

    private async Task Persist()
    {
        await _writing.WaitAsync();
        try { await state.WriteStateAsync(); }
        finally { _writing.Release(); }
    }

    /// <summary>Every snapshot published carries a new version: the push path drops any version it has already sent.</summary>
    private async Task Publish(bool force, bool bump = true)
    {
        var now = clock.GetUtcNow();
        if (!force && now - _lastPublished < options.Value.ProgressInterval) return;
        _lastPublished = now;
        if (bump) S.Version++;
        var view = View();
        await GrainFactory.GetGrain<IBoardNotifierGrain>(0).Publish(new BoardUpdate(view.Scope, view.Version, view, now));
    }

    private ScenarioView View()
    {
        var d = S.Definition!;
        var done = S.Status == ScenarioView.Completed ? d.Months : _engine?.MonthsDone ?? 0;
        return new ScenarioView
        {
            Id = Id, Status = S.Status, Paused = S.Paused && S.Status == ScenarioView.Running, Version = S.Version, Scope = $"scenario:{Id}",
            Request = d with { PaceMilliseconds = S.PaceMilliseconds },
            Progress = new ScenarioProgress(done, d.Months, done > 0 ? d.StartMonth.AddMonths(done - 1).ToString() : null, S.EnterpriseMonths, S.ElapsedSeconds),
            Results = S.Results ?? _latest, Error = S.Error, CreatedAt = S.CreatedAt, ExpiresAt = S.ExpiresAt, Owner = S.Owner,
        };
    }

    /// <summary>The live programme at the reporting month: every county's firms from its roster, read once.</summary>
    private Task<SeedFirm[]> ReadLive(ScenarioDefinition d) => LiveFork.Read(GrainFactory, d.StartMonth, d.Policy.BatchMonths);
}
