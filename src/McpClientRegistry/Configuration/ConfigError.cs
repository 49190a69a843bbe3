namespace Tributary.McpClientRegistry.Configuration;

/// <summary>
/// One problem in a configuration file: where it is, which entry and field, what is wrong and how to fix it.
/// </summary>
/// <param name="Location">File, line and column; line 0 means the file as a whole.</param>
/// <param name="Server">The entry concerned (a registry server, a model), if any; see <see cref="Scope"/>.</param>
/// <param name="Field">The field concerned (YAML key, or a dotted path such as <c>gitlab.url</c>), if any.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record ConfigError(ConfigLocation Location, string? Server, string? Field, string Message)
{
    /// <summary>The section holding <see cref="Server"/> entries: <c>mcp_servers</c> unless set (<c>models</c>, …).</summary>
    public string? Scope { get; init; } = RegistryReader.SectionName;

    /// <summary>
    /// The dotted path of what is wrong: <c>{scope}.{server}.{field}</c>, or just the field when
    /// there is no entry, or <see langword="null"/> when there is neither.
    /// </summary>
    public string? Path => Server is null ? Field
        : string.Join('.', new[] { Scope, Server, Field }.Where(part => part is not null));

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
