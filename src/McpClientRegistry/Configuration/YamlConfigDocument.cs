using System.Globalization;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tributary.McpClientRegistry.Configuration;

/// <summary>
/// A configuration file parsed once and shared by the readers of its sections (<c>mcp_servers</c>,
/// <c>gitlab</c>, <c>models</c>, …), which report into one <see cref="Context"/> so every error of
/// the file comes out at once, in file order. A file that cannot be read or is not valid YAML has no
/// <see cref="Stream"/> and a single error saying why.
/// </summary>
public sealed class YamlConfigDocument
{
    private YamlConfigDocument(string file, YamlStream? stream, YamlReadContext context)
    {
        File = file;
        Stream = stream;
        Context = context;
        Root = stream is { Documents.Count: > 0 } ? stream.Documents[0].RootNode as YamlMappingNode : null;
    }

    /// <summary>The file name, as given; errors name it so.</summary>
    public string File { get; }

    /// <summary>The parsed YAML, or <see langword="null"/> when the file could not be read or parsed.</summary>
    public YamlStream? Stream { get; }

    /// <summary>The top-level mapping, or <see langword="null"/> when the file is empty or not a mapping.</summary>
    public YamlMappingNode? Root { get; }

    /// <summary>Where the readers report; errors name entries of <c>mcp_servers</c> unless a reader uses <see cref="YamlReadContext.ForScope"/>.</summary>
    public YamlReadContext Context { get; }

    /// <summary>Whether any reader reported a problem.</summary>
    public bool HasErrors => Context.HasErrors;

    /// <summary>Every problem reported so far, in file order.</summary>
    public IReadOnlyList<ConfigError> Errors => Context.Errors;

    /// <summary>Reads and parses the file at <paramref name="path"/> within <paramref name="limits"/> (by default <see cref="YamlLimits.ConfigFile"/>).</summary>
    public static YamlConfigDocument Load(string path, YamlLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        limits ??= YamlLimits.ConfigFile;
        try
        {
            return ReadBounded(path, limits) is { } text
                ? Parse(text, path, limits)
                : TooLarge(path, new FileInfo(path).Length, limits);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Failed(path, new ConfigLocation(path, 0, 0), $"the file does not exist (looked for {Path.GetFullPath(path)}); create it or pass the right path");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Failed(path, new ConfigLocation(path, 0, 0), $"the file could not be read ({ex.Message}); check that it is a readable file");
        }
    }

    /// <summary>Parses <paramref name="yaml"/> within <paramref name="limits"/> (by default <see cref="YamlLimits.ConfigFile"/>), naming <paramref name="fileName"/> in errors.</summary>
    public static YamlConfigDocument Parse(string yaml, string fileName, YamlLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(fileName);
        limits ??= YamlLimits.ConfigFile;
        long size = Encoding.UTF8.GetByteCount(yaml);
        if (size > limits.MaxBytes)
        {
            return TooLarge(fileName, size, limits);
        }

        var guard = new DuplicateKeyGuard(new YamlLimitGuard(new Parser(new StringReader(yaml)), limits));
        var stream = new YamlStream();
        try
        {
            stream.Load(guard);
        }
        catch (YamlLimitException ex)
        {
            return Failed(fileName, new ConfigLocation(fileName, (int)ex.Start.Line, (int)ex.Start.Column), ex.Message);
        }
        catch (YamlException ex)
        {
            var location = new ConfigLocation(fileName, (int)ex.Start.Line, (int)ex.Start.Column);
            string reason = ex.Message.TrimEnd('.');
            return Failed(fileName, location, $"invalid YAML ({reason}); check the indentation, quotes and brackets here");
        }

        return new YamlConfigDocument(fileName, stream, new YamlReadContext(fileName, guard.Duplicates));
    }

    /// <summary>The value of the top-level key <paramref name="name"/> (its first occurrence), or <see langword="null"/> when absent.</summary>
    public YamlNode? Section(string name)
    {
        if (Root is null)
        {
            return null;
        }

        foreach (var (key, value) in Root.Children)
        {
            if (key is YamlScalarNode { Value: { } text } && text == name)
            {
                return value;
            }
        }

        return null;
    }

    // Reads at most one byte past the limit, so a huge file (or an endless one, such as a device) is never read whole.
    private static string? ReadBounded(string path, YamlLimits limits)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = file.Read(chunk, 0, (int)Math.Min(chunk.Length, limits.MaxBytes + 1 - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limits.MaxBytes)
            {
                return null;
            }
        }

        buffer.Position = 0;
        using var reader = new StreamReader(buffer, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// The document of a file past <paramref name="limits"/>' size, which was not read (or not read past the limit): one error
    /// naming its size when <paramref name="size"/> is known and over the limit.
    /// </summary>
    public static YamlConfigDocument TooLarge(string file, long? size, YamlLimits limits)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(limits);
        string actual = size > limits.MaxBytes
            ? string.Create(CultureInfo.InvariantCulture, $"{size:N0} bytes")
            : "larger than that";
        return Failed(file, new ConfigLocation(file, 0, 0), $"the file is {actual}, more than the limit of {limits.SizeText}, so it is not read; check that this is the right file");
    }

    private static YamlConfigDocument Failed(string file, ConfigLocation location, string message)
    {
        var context = new YamlReadContext(file, new Dictionary<string, DuplicateKey>());
        context.AddRange([new ConfigError(location, null, null, message)]);
        return new YamlConfigDocument(file, null, context);
    }
}
