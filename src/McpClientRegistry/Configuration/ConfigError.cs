namespace Tributary.McpClientRegistry.Configuration;

/// <summary>
/// One problem in a configuration file: where it is, which server and field, what is wrong and how to fix it.
/// </summary>
/// <param name="Location">File, line and column.</param>
/// <param name="Server">The registry entry concerned, if any.</param>
/// <param name="Field">The field concerned (YAML key), if any.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record ConfigError(ConfigLocation Location, string? Server, string? Field, string Message);
