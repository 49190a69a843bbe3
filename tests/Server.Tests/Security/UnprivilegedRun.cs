using System.Diagnostics;

namespace Tributary.Server.Tests.Security;

/// <summary>
/// Runs a command as an unprivileged user: as root (which reads any process's <c>/proc/&lt;pid&gt;/environ</c>,
/// dumpable or not) through <c>setpriv</c> as <c>nobody</c>; as anyone else, as that user.
/// </summary>
internal static class UnprivilegedRun
{
    private const string Nobody = "65534";

    /// <summary>Why the test cannot run here, or <see langword="null"/> when it can.</summary>
    public static string? Unavailable()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "needs Linux: the process is made non-dumpable with prctl(PR_SET_DUMPABLE) and read through /proc";
        }

        return Environment.UserName == "root" && SetPriv() is null
            ? "runs as root, who reads every process's environment; running Tributary and the reader as an unprivileged user needs setpriv (util-linux), which is not installed"
            : null;
    }

    /// <summary>Runs <paramref name="command"/> with <paramref name="environment"/> as the unprivileged user; completes with its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyList<string> command, IReadOnlyDictionary<string, string> environment, TimeSpan bound, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (Environment.UserName == "root")
        {
            startInfo.FileName = SetPriv()!;
            foreach (var argument in (string[])["--reuid", Nobody, "--regid", Nobody, "--clear-groups", "--"])
            {
                startInfo.ArgumentList.Add(argument);
            }

            startInfo.ArgumentList.Add(command[0]);
        }
        else
        {
            startInfo.FileName = command[0];
        }

        foreach (var argument in command.Skip(1))
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(bound);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"'{string.Join(' ', command)}' did not finish within {bound}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    private static string? SetPriv() =>
        ((string[])["/usr/bin/setpriv", "/bin/setpriv", "/usr/sbin/setpriv"]).FirstOrDefault(File.Exists);
}
