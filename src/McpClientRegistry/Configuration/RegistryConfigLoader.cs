namespace Tributary.McpClientRegistry.Configuration;

/// <summary>
/// Loads the <c>mcp_servers</c> registry from a YAML file and checks it, reporting every error at
/// once with its file, line, column, server and field. Values holding <c>${VAR}</c> are kept as
/// written; <see cref="EndpointResolver"/> expands them per connection.
/// </summary>
public static class RegistryConfigLoader
{
    /// <summary>Reads and checks the registry file at <paramref name="path"/>.</summary>
    /// <param name="path">The file; errors name it as given here.</param>
    /// <param name="otherSections">Top-level keys owned by other parts of the product, which are ignored.</param>
    public static RegistryLoadResult Load(string path, IReadOnlyCollection<string>? otherSections = null) =>
        Read(YamlConfigDocument.Load(path), otherSections);

    /// <summary>Checks the registry in <paramref name="yaml"/>, naming <paramref name="fileName"/> in errors.</summary>
    /// <param name="yaml">The file's text.</param>
    /// <param name="fileName">The file name to report in errors.</param>
    /// <param name="otherSections">Top-level keys owned by other parts of the product, which are ignored.</param>
    public static RegistryLoadResult Parse(string yaml, string fileName, IReadOnlyCollection<string>? otherSections = null) =>
        Read(YamlConfigDocument.Parse(yaml, fileName), otherSections);

    /// <summary>
    /// Reads the registry of a parsed file, reporting its problems (and those of the top level) into the
    /// document; the result is valid only if the document has no errors at all, including other readers'.
    /// </summary>
    /// <param name="document">The parsed file.</param>
    /// <param name="otherSections">Top-level keys owned by other parts of the product, which are ignored.</param>
    /// <param name="reservedPrefixes">Tool-name prefixes no server may take, each with what owns it (for the error).</param>
    public static RegistryLoadResult Read(YamlConfigDocument document, IReadOnlyCollection<string>? otherSections = null, IReadOnlyDictionary<string, string>? reservedPrefixes = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Stream is null)
        {
            return new RegistryLoadResult(null, document.Errors);
        }

        var servers = new RegistryReader(document.Context, otherSections ?? [], reservedPrefixes).Read(document.Stream);
        return document.HasErrors
            ? new RegistryLoadResult(null, document.Errors)
            : new RegistryLoadResult(new RegistryConfig(document.File, servers), []);
    }

    /// <summary>Loads the registry at <paramref name="path"/>, or throws a <see cref="ConfigException"/> listing every error.</summary>
    /// <param name="path">The file; errors name it as given here.</param>
    /// <param name="otherSections">Top-level keys owned by other parts of the product, which are ignored.</param>
    /// <exception cref="ConfigException">The file is missing or has errors.</exception>
    public static RegistryConfig LoadOrThrow(string path, IReadOnlyCollection<string>? otherSections = null)
    {
        var result = Load(path, otherSections);
        return result.IsValid ? result.Config : throw new ConfigException(path, result.Errors);
    }
}
