using Microsoft.Extensions.Logging;

namespace Tributary.Server.Tests.Security;

/// <summary>One log entry seen by <see cref="LogCollector"/>, with its exception's text (type, message, inner ones, stack) if any.</summary>
public sealed record CapturedLog(string Category, LogLevel Level, EventId EventId, string Message, string? Exception = null);
