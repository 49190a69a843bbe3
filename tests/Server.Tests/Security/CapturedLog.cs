using Microsoft.Extensions.Logging;

namespace Tributary.Server.Tests.Security;

/// <summary>One log entry seen by <see cref="LogCollector"/>.</summary>
public sealed record CapturedLog(string Category, LogLevel Level, EventId EventId, string Message);
