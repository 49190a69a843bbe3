using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Tributary.Server.Tests.Security;

/// <summary>A logger provider that keeps every entry, for asserting what the host logged.</summary>
public sealed class LogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();

    public IReadOnlyCollection<CapturedLog> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new CollectingLogger(categoryName, _entries.Enqueue);

    public void Dispose()
    {
    }
}
