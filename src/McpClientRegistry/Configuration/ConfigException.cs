namespace Tributary.McpClientRegistry.Configuration;

/// <summary>
/// Thrown when a configuration file has errors; <see cref="Exception.Message"/> lists every one of
/// them, one per line, under a heading naming the file.
/// </summary>
public sealed class ConfigException : Exception
{
    /// <summary>Creates the exception for <paramref name="errors"/> found in <paramref name="file"/>.</summary>
    public ConfigException(string file, IReadOnlyList<ConfigError> errors)
        : base(FormatMessage(file, errors))
    {
        File = file;
        Errors = errors;
    }

    /// <summary>Creates an exception with a plain message and no itemised errors.</summary>
    public ConfigException()
        : this(string.Empty)
    {
    }

    /// <summary>Creates an exception with a plain message and no itemised errors.</summary>
    public ConfigException(string message)
        : base(message)
    {
        File = string.Empty;
        Errors = [];
    }

    /// <summary>Creates an exception with a plain message and an inner exception.</summary>
    public ConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = string.Empty;
        Errors = [];
    }

    /// <summary>The file the errors are in, as it was passed to the loader.</summary>
    public string File { get; }

    /// <summary>Every error, in file order.</summary>
    public IReadOnlyList<ConfigError> Errors { get; }

    private static string FormatMessage(string file, IReadOnlyList<ConfigError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        string heading = errors.Count == 1 ? $"{file} has 1 error:" : $"{file} has {errors.Count} errors:";
        return string.Join('\n', errors.Select(e => e.ToString()).Prepend(heading));
    }
}
