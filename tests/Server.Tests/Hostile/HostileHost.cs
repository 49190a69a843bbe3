using System.Globalization;
using ModelContextProtocol.Client;
using Tributary.Server.Tests.Host;
using Tributary.TestSupport.InProcess;
using Tributary.TestSupport.Node;

namespace Tributary.Server.Tests.Hostile;

/// <summary>
/// The real host on a loopback port, fronting a well-behaved in-process upstream (<c>up</c>) and a stdio upstream that
/// floods on request (<c>flood</c>, <c>npm/scripts/flood-upstream.mjs</c>, <c>max_message_size: 4MiB</c>), with a
/// well-behaved client calling <c>up__echo</c> in a loop from start to end. Shared by the hostile-input tests.
/// </summary>
public sealed class HostileHost : IAsyncLifetime
{
    /// <summary>The flooding server's limit.</summary>
    public const long FloodLimit = 4L * 1024 * 1024;

    private TestMcpServer? _up;
    private McpClient? _client;

    /// <summary>The file in which the flooding server counts the bytes it has written.</summary>
    public string ProgressFile { get; } = Path.Combine(Path.GetTempPath(), $"tributary-hostile-{Guid.NewGuid():N}.txt");

    internal RunningHost Host { get; private set; } = null!;

    internal EchoLoop Loop { get; private set; } = null!;

    /// <summary>How many bytes the flooding server has written so far.</summary>
    public long FloodWritten => File.Exists(ProgressFile) && long.TryParse(File.ReadAllText(ProgressFile), NumberStyles.None, CultureInfo.InvariantCulture, out var written) ? written : 0;

    public async ValueTask InitializeAsync()
    {
        var token = TestContext.Current.CancellationToken;
        _up = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "up" }, token);
        var variables = new Dictionary<string, string> { ["PROGRESS"] = ProgressFile };
        Host = await RunningHost.StartAsync(
            $$"""
              up:
                url: {{_up.Url}}
              flood:
                transport: stdio
                command: {{System.Text.Json.JsonSerializer.Serialize(NodeTools.SystemNode)}}
                args: [{{System.Text.Json.JsonSerializer.Serialize(Path.Combine(NodeTools.NpmRoot, "scripts", "flood-upstream.mjs"))}}]
                env: { FLOOD_PROGRESS_FILE: "${PROGRESS}" }
                max_message_size: 4MiB
            """ + "\n",
            options => options with { ReadVariable = variables.GetValueOrDefault },
            token);
        _client = await Host.ConnectClientAsync(token);
        await _client.ListToolsAsync(cancellationToken: token);
        Loop = EchoLoop.Start(_client, "up__echo");
    }

    public async ValueTask DisposeAsync()
    {
        if (Loop is not null)
        {
            await Loop.DisposeAsync();
        }

        if (_client is not null)
        {
            await _client.DisposeAsync();
        }

        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        if (_up is not null)
        {
            await _up.DisposeAsync();
        }

        File.Delete(ProgressFile);
    }
}
