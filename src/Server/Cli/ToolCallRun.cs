using ModelContextProtocol;
using Tributary.Agents.Kernel;
using Tributary.McpClientRegistry.Catalog;
using Tributary.McpClientRegistry.Connections;

namespace Tributary.Server.Cli;

/// <summary>Calls one catalog tool for a command: progress on stderr, the result on stdout (stderr when it is an error).</summary>
internal static class ToolCallRun
{
    /// <summary>Calls <paramref name="exposedName"/> and prints what came back; returns the exit code.</summary>
    public static async Task<int> CallAsync(McpCatalog catalog, string exposedName, IReadOnlyDictionary<string, object?>? arguments, CliContext context, CancellationToken cancellationToken)
    {
        var progress = new StderrProgress(context.Error);
        try
        {
            var result = await catalog.CallToolAsync(exposedName, arguments, new CallContext { Progress = progress }, cancellationToken);
            progress.Stop();
            if (result.IsError == true)
            {
                ToolResultText.Write(context.Error, result);
                return ExitCodes.Failure;
            }

            ToolResultText.Write(context.Output, result);
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is UpstreamException or McpException)
        {
            // UpstreamException messages are written for users; an McpException is the server's JSON-RPC error.
            progress.Stop();
            context.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }
    }
}
