using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Tributary.McpClientRegistry.Tests.Integration;

/// <summary>Keeps every log entry (message and exception, all levels, SDK included) to search for secrets.</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyList<string> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._entries.Enqueue($"[{logLevel}] {category}: {formatter(state, exception)} {exception}");
    }
}
