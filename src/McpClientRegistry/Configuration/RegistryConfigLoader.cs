using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

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
    public static RegistryLoadResult Load(string path, IReadOnlyCollection<string>? otherSections = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        string yaml;
        try
        {
            yaml = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Failed(path, $"the file does not exist (looked for {Path.GetFullPath(path)}); create it or pass the right path");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Failed(path, $"the file could not be read ({ex.Message}); check that it is a readable file");
        }

        return Parse(yaml, path, otherSections);
    }

    /// <summary>Checks the registry in <paramref name="yaml"/>, naming <paramref name="fileName"/> in errors.</summary>
    /// <param name="yaml">The file's text.</param>
    /// <param name="fileName">The file name to report in errors.</param>
    /// <param name="otherSections">Top-level keys owned by other parts of the product, which are ignored.</param>
    public static RegistryLoadResult Parse(string yaml, string fileName, IReadOnlyCollection<string>? otherSections = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(fileName);
        var guard = new DuplicateKeyGuard(new Parser(new StringReader(yaml)));
        var stream = new YamlStream();
        try
        {
            stream.Load(guard);
        }
        catch (YamlException ex)
        {
            var location = new ConfigLocation(fileName, (int)ex.Start.Line, (int)ex.Start.Column);
            string reason = ex.Message.TrimEnd('.');
            return new RegistryLoadResult(null, [new ConfigError(location, null, null, $"invalid YAML ({reason}); check the indentation, quotes and brackets here")]);
        }

        var context = new YamlReadContext(fileName, guard.Duplicates);
        var servers = new RegistryReader(context, otherSections ?? []).Read(stream);
        return context.HasErrors
            ? new RegistryLoadResult(null, context.Errors)
            : new RegistryLoadResult(new RegistryConfig(fileName, servers), []);
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

    private static RegistryLoadResult Failed(string path, string message) =>
        new(null, [new ConfigError(new ConfigLocation(path, 0, 0), null, null, message)]);
}
