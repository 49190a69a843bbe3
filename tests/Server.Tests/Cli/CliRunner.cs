using Microsoft.Extensions.Logging;
using Tributary.Server.Cli;
using Tributary.TestSupport.Logging;

namespace Tributary.Server.Tests.Cli;

/// <summary>
/// Runs the command line in-process with captured stdout and stderr and only the given environment
/// variables (so an "unset" variable really is unset); logs go to the test's output.
/// </summary>
public static class CliRunner
{
    public static Task<CliResult> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken) =>
        RunAsync(args, variables: null, error: null, cancellationToken);

    public static Task<CliResult> RunAsync(
        IReadOnlyList<string> args,
        IReadOnlyDictionary<string, string>? variables,
        LineWriter? error,
        CancellationToken cancellationToken) =>
        RunAsync(args, variables, error, level => TestLogging.CreateFactory(TestContext.Current.TestOutputHelper, level), cancellationToken);

    /// <summary>Runs the command line with its logs (at the level its options ask for) going to <paramref name="logs"/>.</summary>
    public static Task<CliResult> RunWithLogsAsync(
        IReadOnlyList<string> args,
        IReadOnlyDictionary<string, string>? variables,
        ILoggerProvider logs,
        CancellationToken cancellationToken) =>
        RunAsync(args, variables, error: null, level => LoggerFactory.Create(builder => builder.AddProvider(logs).SetMinimumLevel(level)), cancellationToken);

    private static async Task<CliResult> RunAsync(
        IReadOnlyList<string> args,
        IReadOnlyDictionary<string, string>? variables,
        LineWriter? error,
        Func<LogLevel, ILoggerFactory> createLoggerFactory,
        CancellationToken cancellationToken)
    {
        using var output = new LineWriter();
        error ??= new LineWriter();
        var context = new CliContext(
            output,
            error,
            name => variables?.GetValueOrDefault(name),
            createLoggerFactory);
        var exitCode = await TributaryCommandLine.InvokeAsync(args, context, handleTermination: false, cancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine($"exit {exitCode}\n--- stdout\n{output}--- stderr\n{error}");
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
