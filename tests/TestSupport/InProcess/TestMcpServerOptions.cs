using Microsoft.Extensions.Logging;
using Xunit;

namespace Tributary.TestSupport.InProcess;

/// <summary>What a <see cref="TestMcpServer"/> serves.</summary>
public sealed class TestMcpServerOptions
{
    /// <summary>Gets the server name reported at initialize and echoed by every tool. The default is <c>test</c>.</summary>
    public string ServerName { get; init; } = "test";

    /// <summary>
    /// Gets the tool names to expose; any string is allowed (<c>get.data</c>, <c>has space</c>, 70
    /// characters...). Each returns the text <c>serverName:toolName:argumentsJson</c>.
    /// </summary>
    public IReadOnlyList<string> Tools { get; init; } = ["echo"];

    /// <summary>Gets a header every HTTP request must carry, or <see langword="null"/> for none.</summary>
    public RequiredHeader? RequiredHeader { get; init; }

    /// <summary>Gets whether to expose the tool <c>hang</c>, which completes only when the call is cancelled.</summary>
    public bool IncludeHangTool { get; init; }

    /// <summary>Gets the lowest level of the server's log entries written to <see cref="Output"/>.</summary>
    public LogLevel MinimumLogLevel { get; init; } = LogLevel.Information;

    /// <summary>Gets the test's output for the server's logs, or <see langword="null"/> to log nothing.</summary>
    public ITestOutputHelper? Output { get; init; }

    /// <summary>Gets whether to serve <c>ask</c> (sampling) and <c>confirm</c> (elicitation), which ask the caller back.</summary>
    public bool IncludeRelayTools { get; init; }

    /// <summary>
    /// Gets whether to serve <c>interview</c>, which waits until two calls of it are in flight, then logs, samples and
    /// elicits, and answers what came back or the error it got.
    /// </summary>
    public bool IncludeInterviewTool { get; init; }

    /// <summary>
    /// Gets whether to declare prompts and resources, none at first, so <see cref="TestMcpServer.AddPrompt"/> and
    /// <see cref="TestMcpServer.AddResource"/> can change them.
    /// </summary>
    public bool ServePromptsAndResources { get; init; }

    /// <summary>Gets whether to serve the subscribable resource <see cref="WatchedResource.Uri"/> (see <see cref="TestMcpServer.Watched"/>).</summary>
    public bool IncludeWatchedResource { get; init; }

    /// <summary>Gets whether the server declares <c>resources.subscribe</c> for the watched resource. The default is <see langword="true"/>.</summary>
    public bool WatchedResourceSubscribable { get; init; } = true;

    /// <summary>
    /// Gets the JSON-RPC error code every <c>tools/call</c> is answered with (e.g. -32603), or <see langword="null"/>
    /// to run the tools. Calls are counted either way (<see cref="TestMcpServer.ToolCallCount"/>).
    /// </summary>
    public int? ToolCallErrorCode { get; init; }

    /// <summary>
    /// Gets the one protocol revision the server answers <c>initialize</c> with whatever the client asks (an older
    /// server), or <see langword="null"/> to negotiate as the SDK does.
    /// </summary>
    public string? ProtocolVersion { get; init; }

    /// <summary>
    /// Gets whether the server keeps no sessions (the SDK's stateless mode): it speaks 2026-07-28 to clients that offer
    /// it (<c>server/discover</c>, each request on its own) and answers <c>initialize</c> without a session id. It
    /// has no legacy SSE endpoint then.
    /// </summary>
    public bool Stateless { get; init; }

    /// <summary>
    /// Gets whether to serve <c>consent</c>, which asks its caller through a 2026-07-28 <c>input_required</c> answer
    /// and answers the choice on the retry (see <see cref="Stateless"/>).
    /// </summary>
    public bool IncludeConsentTool { get; init; }

    /// <summary>Gets whether to serve <c>route</c>, whose <c>region</c> travels as the <c>Mcp-Param-Region</c> header too.</summary>
    public bool IncludeRouteTool { get; init; }

    /// <summary>Gets the JSON-RPC error code every <c>ping</c> is answered with (e.g. -32601), or <see langword="null"/> to answer it.</summary>
    public int? PingErrorCode { get; init; }
}
