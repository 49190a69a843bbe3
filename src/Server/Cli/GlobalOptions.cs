using System.CommandLine;
using Microsoft.Extensions.Logging;

namespace Tributary.Server.Cli;

/// <summary>The options every command accepts (declared once on the root, recursive).</summary>
internal sealed class GlobalOptions
{
    /// <summary><c>--config PATH</c>: the registry file.</summary>
    public Option<string?> Config { get; } = new("--config", "-c")
    {
        Description = $"The registry file [default: ${ConfigFile.PathVariable}, else ./{ConfigFile.DefaultPath}, else ~/.config/tributary/tributary.yml]",
        HelpName = "PATH",
        Recursive = true,
    };

    /// <summary><c>--verbose</c>: debug logs, including what upstream servers write to stderr.</summary>
    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Log connection details and upstream stderr lines (to stderr)",
        Recursive = true,
    };

    /// <summary>The log level <paramref name="parseResult"/> asks for.</summary>
    public LogLevel LogLevel(ParseResult parseResult) =>
        parseResult.GetValue(Verbose) ? Microsoft.Extensions.Logging.LogLevel.Debug : Microsoft.Extensions.Logging.LogLevel.Warning;
}
