using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Programme.Grains.Forecasts;

/// <summary>
/// One dedicated background thread for the forecasts' CPU work, at the lowest scheduling priority the OS gives a thread
/// (Linux: nice 19 for this thread alone, through setpriority on its thread id; elsewhere <see cref="ThreadPriority.Lowest"/>).
/// Work is queued and each item's result handed back on a task that continues elsewhere, so no grain turn runs here and
/// none waits on a thread of its own.
/// </summary>
public static class ForecastWorker
{
    private static readonly BlockingCollection<Action> Queue = [];
    private static readonly Lazy<Thread> Worker = new(Start);

    public static Task<T> Run<T>(Func<T> work)
    {
        _ = Worker.Value;
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Queue.Add(() =>
        {
            try { done.SetResult(work()); }
            catch (Exception ex) { done.SetException(ex); }
        });
        return done.Task;
    }

    private static Thread Start()
    {
        var thread = new Thread(Loop) { IsBackground = true, Name = "forecast-worker", Priority = ThreadPriority.Lowest };
        thread.Start();
        return thread;
    }

    private static void Loop()
    {
        if (OperatingSystem.IsLinux())
        {
            try { _ = SetPriority(0, GetThreadId(), 19); }
            catch (DllNotFoundException) { }
            catch (EntryPointNotFoundException) { }
        }
        foreach (var work in Queue.GetConsumingEnumerable()) work();
    }

    [DllImport("libc", EntryPoint = "setpriority")]
    private static extern int SetPriority(int which, int who, int priority);

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();
}
