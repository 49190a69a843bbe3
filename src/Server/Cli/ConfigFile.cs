using System.CommandLine;
using Tributary.Agents.Configuration;

namespace Tributary.Server.Cli;

/// <summary>
/// Finds the registry file (<c>--config</c>, <c>TRIBUTARY_CONFIG</c>, <c>./config/tributary.yml</c>, then the user's
/// config directory), loads it and reports what is wrong with it.
/// </summary>
internal static class ConfigFile
{
    /// <summary>The environment variable naming the registry file when <c>--config</c> is not given.</summary>
    public const string PathVariable = "TRIBUTARY_CONFIG";

    /// <summary>The registry file when neither <c>--config</c> nor <see cref="PathVariable"/> is given, relative to the current directory.</summary>
    public const string DefaultPath = "config/tributary.yml";

    /// <summary>
    /// The path to use, and where it came from for messages (null when given with <c>--config</c>): <c>--config</c>, else
    /// <see cref="PathVariable"/>, else <see cref="DefaultPath"/> when it exists, else <see cref="UserPath"/> when it exists,
    /// else <see cref="DefaultPath"/> (reported as missing, naming both places).
    /// </summary>
    public static (string Path, string? Source) Locate(ParseResult parseResult, GlobalOptions options, CliContext context)
    {
        if (parseResult.GetValue(options.Config) is { Length: > 0 } fromOption)
        {
            return (fromOption, null);
        }

        if (context.ReadVariable(PathVariable) is { Length: > 0 } fromVariable)
        {
            return (fromVariable, $"from {PathVariable}");
        }

        if (File.Exists(DefaultPath))
        {
            return (DefaultPath, "the default location");
        }

        return UserPath(context) is { } user
            ? File.Exists(user) ? (user, "the user's config directory") : (DefaultPath, $"the default location; not in {user} either. Run 'tributary init' to create one here")
            : (DefaultPath, "the default location");
    }

    /// <summary>
    /// The registry in the user's config directory: <c>$XDG_CONFIG_HOME/tributary/tributary.yml</c>, else
    /// <c>~/.config/tributary/tributary.yml</c>; null when neither variable is set.
    /// </summary>
    public static string? UserPath(CliContext context) =>
        context.ReadVariable("XDG_CONFIG_HOME") is { Length: > 0 } xdg ? Path.Combine(xdg, "tributary", "tributary.yml")
        : context.ReadVariable("HOME") is { Length: > 0 } home ? Path.Combine(home, ".config", "tributary", "tributary.yml")
        : null;

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
