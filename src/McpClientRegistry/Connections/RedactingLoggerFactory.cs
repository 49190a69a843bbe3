using Microsoft.Extensions.Logging;

namespace Tributary.McpClientRegistry.Connections;

/// <summary>
/// The logger factory the SDK gets for one upstream: its messages (the command line it starts, stderr lines,
/// exceptions holding stderr tails or URLs) pass through the server's <see cref="SecretRedactor"/> first.
/// Disposing it leaves the inner factory alone, which belongs to the host.
/// </summary>
internal sealed class RedactingLoggerFactory(ILoggerFactory inner, SecretRedactor redactor) : ILoggerFactory
{
    /// <summary><paramref name="inner"/> itself when there is nothing to redact, else a redacting wrapper.</summary>
    public static ILoggerFactory Wrap(ILoggerFactory inner, SecretRedactor redactor) =>
        redactor.IsEmpty ? inner : new RedactingLoggerFactory(inner, redactor);

    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName), redactor);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose()
    {
    }
}
