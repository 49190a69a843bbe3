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

    public static async Task<CliResult> RunAsync(
        IReadOnlyList<string> args,
        IReadOnlyDictionary<string, string>? variables,
        LineWriter? error,
        CancellationToken cancellationToken)
    {
        using var output = new LineWriter();
        error ??= new LineWriter();
        var context = new CliContext(
            output,
            error,
            name => variables?.GetValueOrDefault(name),
            level => TestLogging.CreateFactory(TestContext.Current.TestOutputHelper, level));
        var exitCode = await TributaryCommandLine.InvokeAsync(args, context, handleTermination: false, cancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine($"exit {exitCode}\n--- stdout\n{output}--- stderr\n{error}");
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
