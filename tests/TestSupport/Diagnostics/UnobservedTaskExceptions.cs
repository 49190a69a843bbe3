using System.Collections.Concurrent;

namespace Tributary.TestSupport.Diagnostics;

/// <summary>
/// Collects the exceptions of faulted tasks nobody awaited (<see cref="TaskScheduler.UnobservedTaskException"/>) while it
/// is watching. The event is process-wide: a test that counts them all runs alone (a collection with parallelization
/// disabled), or picks its own out by their messages.
/// </summary>
public sealed class UnobservedTaskExceptions : IDisposable
{
    private readonly ConcurrentQueue<Exception> _seen = new();

    private UnobservedTaskExceptions()
    {
        TaskScheduler.UnobservedTaskException += OnUnobserved;
    }

    /// <summary>Starts watching, after running the finalizers of what earlier tests left (theirs, not the caller's).</summary>
    /// <returns>The watcher; dispose it to stop.</returns>
    public static UnobservedTaskExceptions Watch()
    {
        CollectGarbage();
        return new UnobservedTaskExceptions();
    }

    /// <summary>Collects garbage, so every faulted task no longer referenced reports now, and returns what was reported.</summary>
    /// <returns>The unobserved exceptions seen so far.</returns>
    public IReadOnlyList<Exception> CollectNow()
    {
        CollectGarbage();
        return [.. _seen];
    }

    /// <summary>Stops watching.</summary>
    public void Dispose() => TaskScheduler.UnobservedTaskException -= OnUnobserved;

    private static void CollectGarbage()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs e) => _seen.Enqueue(e.Exception);
}
