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
    public static async Task<CliResult> RunAsync(IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? variables = null)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var context = new CliContext(
            output,
            error,
            name => variables?.GetValueOrDefault(name),
            level => TestLogging.CreateFactory(TestContext.Current.TestOutputHelper, level));
        var exitCode = await TributaryCommandLine.InvokeAsync(args, context, handleTermination: false, TestContext.Current.CancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine($"exit {exitCode}\n--- stdout\n{output}--- stderr\n{error}");
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
