namespace Tributary.McpClientRegistry.Configuration;

/// <summary>A mapping key written a second time, renamed so that loading goes on; see <see cref="DuplicateKeyGuard"/>.</summary>
/// <param name="Name">The key as written.</param>
/// <param name="FirstLine">The 1-based line of the first occurrence.</param>
public sealed record DuplicateKey(string Name, int FirstLine);
