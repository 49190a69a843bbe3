using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Tributary.Server.Tests.Security.OAuth;

/// <summary>A logger provider keeping every entry with its scopes, as a console or OpenTelemetry logger would see them.</summary>
public sealed class ScopedLogCollector : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<ScopedLog> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<ScopedLog> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ScopedLogCollector owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<string>();
            owner._scopes.ForEachScope((scope, list) => list.Add(scope?.ToString() ?? string.Empty), scopes);
            owner._entries.Enqueue(new ScopedLog(category, formatter(state, exception), scopes, exception?.ToString()));
        }
    }
}
