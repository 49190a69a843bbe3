using System.CommandLine;
using Tributary.Agents.Configuration;

namespace Tributary.Server.Cli;

/// <summary>Finds the registry file (option, environment, default), loads it and reports what is wrong with it.</summary>
internal static class ConfigFile
{
    /// <summary>The environment variable naming the registry file when <c>--config</c> is not given.</summary>
    public const string PathVariable = "TRIBUTARY_CONFIG";

    /// <summary>The registry file when neither <c>--config</c> nor <see cref="PathVariable"/> is given, relative to the current directory.</summary>
    public const string DefaultPath = "config/tributary.yml";

    /// <summary>The path to use, and where it came from for messages (null when given with <c>--config</c>).</summary>
    public static (string Path, string? Source) Locate(ParseResult parseResult, GlobalOptions options, CliContext context)
    {
        if (parseResult.GetValue(options.Config) is { Length: > 0 } fromOption)
        {
            return (fromOption, null);
        }

        return context.ReadVariable(PathVariable) is { Length: > 0 } fromVariable
            ? (fromVariable, $"from {PathVariable}")
            : (DefaultPath, "the default location");
    }

    /// <summary>Loads the configuration; on failure writes every error to stderr and returns <see langword="null"/>.</summary>
    public static TributaryConfig? Load(ParseResult parseResult, GlobalOptions options, CliContext context)
    {
        var (path, source) = Locate(parseResult, options, context);
        if (!File.Exists(path))
        {
            var what = Directory.Exists(path) ? "is a directory" : "not found";
            var from = source is null ? string.Empty : $"; {source}";
            context.Error.WriteLine($"error: config file {what}: {path} (looked for {Path.GetFullPath(path)}{from})");
            context.Error.WriteLine($"Pass --config PATH or set {PathVariable} to use another file.");
            return null;
        }

        var result = TributaryConfigLoader.Load(path);
        if (result.IsValid)
        {
            return result.Config;
        }

        foreach (var error in result.Errors)
        {
            context.Error.WriteLine(error.ToString());
        }

        context.Error.WriteLine($"{path}: {Plural.Of(result.Errors.Count, "error")}");
        return null;
    }
}
