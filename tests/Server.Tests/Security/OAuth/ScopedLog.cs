namespace Tributary.Server.Tests.Security.OAuth;

/// <summary>One log entry with the scopes it was written in, each as text.</summary>
public sealed record ScopedLog(string Category, string Message, IReadOnlyList<string> Scopes, string? Exception);
