using System.Diagnostics;

namespace Tributary.Server.Tests.Deploy;

/// <summary>Runs a program to completion with captured output, within a bound; the test fails with its output if it hangs.</summary>
internal static class ProcessRun
{
    private static readonly TimeSpan s_bound = TimeSpan.FromMinutes(3);

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        string file, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(file)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).WaitAsync(s_bound, cancellationToken);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        string text = await output;
        string errors = await error;
        TestContext.Current.TestOutputHelper?.WriteLine($"$ {file} {string.Join(' ', arguments)}\nexit {process.ExitCode}\n{text}{errors}");
        return (process.ExitCode, text, errors);
    }
}
