namespace Tributary.McpClientRegistry.Configuration;

/// <summary>
/// One problem in a configuration file: where it is, which server and field, what is wrong and how to fix it.
/// </summary>
/// <param name="Location">File, line and column; line 0 means the file as a whole.</param>
/// <param name="Server">The registry entry concerned, if any.</param>
/// <param name="Field">The field concerned (YAML key), if any.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record ConfigError(ConfigLocation Location, string? Server, string? Field, string Message)
{
    /// <summary>
    /// The dotted path of what is wrong: <c>mcp_servers.{server}.{field}</c>, or just the field
    /// (a top-level key) when there is no server, or <see langword="null"/> when there is neither.
    /// </summary>
    public string? Path => Server is null ? Field : Field is null ? $"mcp_servers.{Server}" : $"mcp_servers.{Server}.{Field}";

    /// <summary>
    /// The error as printed: <c>{file}:{line}:{col}: mcp_servers.{server}.{field}: {message}</c>,
    /// leaving out the parts that do not apply.
    /// </summary>
    public override string ToString()
    {
        string where = Location.Line > 0 ? Location.ToString() : Location.File;
        return Path is null ? $"{where}: {Message}" : $"{where}: {Path}: {Message}";
    }
}
