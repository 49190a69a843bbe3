using System.Net;

namespace Tributary.Server.Tests.Cli;

/// <summary>Runs <c>tributary serve</c> in-process until <c>/health/live</c> answers, then stops it as Ctrl+C would.</summary>
public static class ServeRun
{
    /// <summary>
    /// Runs the command line with <paramref name="args"/> and <paramref name="variables"/>, waits for <c>/health/live</c> at
    /// <paramref name="baseAddress"/> to answer (failing the test if the command ends first), then stops it; returns that answer and the run.
    /// </summary>
    public static async Task<(HttpStatusCode Live, CliResult Result)> UntilLiveAsync(
        IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? variables, Uri baseAddress, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var serving = CliRunner.RunAsync(args, variables, error: null, stop.Token);
        using var http = new HttpClient { BaseAddress = baseAddress };
        var status = await LiveStatusAsync(http, serving, cancellationToken);
        await stop.CancelAsync();
        return (status, await serving);
    }

    /// <summary>Polls <c>/health/live</c> until the host answers (or the command ends first, which fails the test).</summary>
    private static async Task<HttpStatusCode> LiveStatusAsync(HttpClient http, Task<CliResult> serving, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        using var retry = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (true)
        {
            Assert.False(serving.IsCompleted, "the command ended before serving");
            try
            {
                using var response = await http.GetAsync(new Uri("/health/live", UriKind.Relative), deadline.Token);
                if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
                {
                    return response.StatusCode;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await retry.WaitForNextTickAsync(deadline.Token);
        }
    }
}
