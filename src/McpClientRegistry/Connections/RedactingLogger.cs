using Microsoft.Extensions.Logging;

namespace Tributary.McpClientRegistry.Connections;

/// <summary>
/// Logs the redacted text of each message instead of its structured state, and an exception as redacted text
/// instead of the object: either could carry a secret past the formatter.
/// </summary>
internal sealed class RedactingLogger(ILogger inner, SecretRedactor redactor) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }

        string text = formatter(state, exception);
        if (exception is not null)
        {
            text = $"{text}{Environment.NewLine}{exception}";
        }

        inner.Log(logLevel, eventId, redactor.Redact(text), null, static (message, _) => message);
    }
}
