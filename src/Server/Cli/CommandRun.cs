namespace Tributary.Server.Cli;

/// <summary>Runs a command's work so that Ctrl+C ends it with a short message and exit code 130, not a stack trace.</summary>
internal static class CommandRun
{
    /// <summary>Runs <paramref name="run"/>; if <paramref name="cancellationToken"/> cancels it, says so and returns <see cref="ExitCodes.Cancelled"/>.</summary>
    public static async Task<int> CatchCancellationAsync(CliContext context, Func<CancellationToken, Task<int>> run, CancellationToken cancellationToken)
    {
        try
        {
            return await run(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            context.Error.WriteLine("cancelled");
            return ExitCodes.Cancelled;
        }
    }
}
