using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Tributary.McpClientRegistry.Connections;

/// <summary>
/// Starts a stdio server as the SDK's <see cref="StdioClientTransport"/> does (same options, a curated environment,
/// the whole process tree ended at the close), but reads its standard output through a <see cref="MessageSizeLimitStream"/>
/// and its standard error in bounded lines, so a child writing one endless line costs its own connection, not the
/// host's memory. The SDK reads stdout with <see cref="StreamReader.ReadLineAsync(CancellationToken)"/>, which
/// holds a whole line however long, and has no hook for the stream.
/// </summary>
internal sealed partial class BoundedStdioClientTransport(StdioClientTransportOptions options, long maxMessageSize, ILoggerFactory loggerFactory) : IClientTransport
{
    private static readonly UTF8Encoding NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <inheritdoc />
    public string Name => options.Name ?? options.Command;

    /// <inheritdoc />
    public Task<ITransport> ConnectAsync(CancellationToken cancellationToken = default)
    {
        var logger = loggerFactory.CreateLogger<BoundedStdioClientTransport>();
        var process = new Process { StartInfo = StartInfo() };
        try
        {
            if (!process.Start())
            {
                throw new IOException("Failed to start MCP server process.");
            }
        }
        catch (Exception e) when (e is not IOException)
        {
            process.Dispose();
            throw new IOException($"Failed to start MCP server process: {e.Message}", e);
        }
        catch
        {
            process.Dispose();
            throw;
        }

        LogStarted(logger, Name, process.Id);
        var output = new MessageSizeLimitStream(process.StandardOutput.BaseStream, maxMessageSize, MessageFraming.Lines);
        var session = new StreamClientTransport(process.StandardInput.BaseStream, output, loggerFactory);
        return ConnectAsync(session, process, logger, cancellationToken);
    }

    private async Task<ITransport> ConnectAsync(StreamClientTransport session, Process process, ILogger logger, CancellationToken cancellationToken)
    {
        var stderr = new BoundedStderrReader(process.StandardError.BaseStream, options.StandardErrorLines);
        try
        {
            return new StdioProcessTransport(await session.ConnectAsync(cancellationToken), process, stderr, options.ShutdownTimeout, logger, Name);
        }
        catch
        {
            StdioProcessTransport.End(process);
            await stderr.DisposeAsync();
            process.Dispose();
            throw;
        }
    }

    private ProcessStartInfo StartInfo()
    {
        string command = options.Command;
        IEnumerable<string> arguments = options.Arguments ?? [];

        // As the SDK does: on Windows, commands such as npx run only through a shell.
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows) && !string.Equals(Path.GetFileName(command), "cmd.exe", StringComparison.OrdinalIgnoreCase))
        {
            arguments = ["/c", command, .. arguments];
            command = "cmd.exe";
        }

        var startInfo = new ProcessStartInfo
        {
            FileName = command,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            WorkingDirectory = options.WorkingDirectory ?? Environment.CurrentDirectory,
            StandardInputEncoding = NoBom,
            StandardOutputEncoding = NoBom,
            StandardErrorEncoding = NoBom,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        if (!options.InheritEnvironmentVariables)
        {
            startInfo.Environment.Clear();
        }

        foreach (var (key, value) in options.EnvironmentVariables ?? new Dictionary<string, string?>())
        {
            startInfo.Environment[key] = value;
        }

        return startInfo;
    }

    [LoggerMessage(1017, LogLevel.Debug, "Started the process of MCP server {ServerName} (pid {ProcessId})")]
    private static partial void LogStarted(ILogger logger, string serverName, int processId);
}
