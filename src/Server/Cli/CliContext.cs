using Microsoft.Extensions.Logging;

namespace Tributary.Server.Cli;

/// <summary>
/// What a command runs against: where it writes, how it reads environment variables and how it logs.
/// Tests pass their own writers and variables instead of the console and the process environment.
/// </summary>
/// <param name="Output">Results: what a script would pipe on.</param>
/// <param name="Error">Errors, progress and logs.</param>
/// <param name="ReadVariable">Reads an environment variable (<c>TRIBUTARY_CONFIG</c> and the registry's <c>${VAR}</c>s).</param>
/// <param name="CreateLoggerFactory">Creates the logger factory for upstream connections at the given minimum level.</param>
internal sealed record CliContext(
    TextWriter Output,
    TextWriter Error,
    Func<string, string?> ReadVariable,
    Func<LogLevel, ILoggerFactory> CreateLoggerFactory)
{
    /// <summary>The console and the process environment, logging to stderr.</summary>
    public static CliContext ForConsole() =>
        new(Console.Out, Console.Error, Environment.GetEnvironmentVariable, ConsoleLogging.CreateFactory);
}
