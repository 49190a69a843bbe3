using System.Diagnostics;

namespace Tributary.Server.Tests.Deploy;

/// <summary>Runs the <c>docker</c> command line, and says why it cannot be used here when it cannot.</summary>
internal static class DockerCli
{
    private static readonly TimeSpan s_infoBound = TimeSpan.FromSeconds(30);

    /// <summary>
    /// <see langword="null"/> when <c>docker</c> is on PATH and its daemon answers <c>docker info</c>; else what is
    /// missing, as a test's skip reason.
    /// </summary>
    public static async Task<string?> WhyUnavailableAsync(CancellationToken cancellationToken)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        if (!path.Any(directory => File.Exists(Path.Combine(directory, "docker"))))
        {
            return "no container runtime: the docker CLI is not on PATH";
        }

        var info = await RunAsync(["info", "--format", "{{.ServerVersion}}"], s_infoBound, cancellationToken);
        if (info.TimedOut)
        {
            return $"docker daemon not reachable: 'docker info' did not answer within {s_infoBound.TotalSeconds:0}s";
        }

        if (info.ExitCode != 0)
        {
            string why = info.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault()
                ?? $"'docker info' exited with {info.ExitCode}";
            return $"docker daemon not reachable: {why}";
        }

        return null;
    }

    /// <summary>Runs <c>docker</c> with <paramref name="arguments"/>; kills it (and reports <c>TimedOut</c>) after <paramref name="bound"/>.</summary>
    public static async Task<DockerRun> RunAsync(IReadOnlyList<string> arguments, TimeSpan bound, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo("docker")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(bound);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            return new DockerRun(-1, await output, await error, TimedOut: true);
        }

        return new DockerRun(process.ExitCode, await output, await error, TimedOut: false);
    }
}
