using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Tributary.Agents.GitLab;

namespace Tributary.Server.Mcp;

/// <summary>
/// One built-in GitLab tool served at <c>/mcp</c> as <c>gitlab__&lt;tool&gt;</c>, with its annotations. A GitLab
/// failure or a bad argument is a tool error (<c>isError</c>) whose text says what to fix, so the client's model can act on it.
/// </summary>
internal sealed class GitLabMcpTool : McpServerTool
{
    private readonly McpServerTool _inner;

    /// <summary>Serves <paramref name="tool"/>.</summary>
    public GitLabMcpTool(GitLabTool tool)
    {
        _inner = Create(tool.Function, new McpServerToolCreateOptions
        {
            Name = GitLabToolNames.Exposed(tool.Name),
            ReadOnly = tool.ReadOnly,

            // Writers add a note or an issue: nothing is destroyed, and calling twice adds twice.
            Destructive = tool.ReadOnly ? null : false,
            Idempotent = tool.ReadOnly ? null : false,
            OpenWorld = true,
        });
    }

    /// <inheritdoc />
    public override Tool ProtocolTool => _inner.ProtocolTool;

    /// <inheritdoc />
    public override IReadOnlyList<object> Metadata => _inner.Metadata;

    /// <inheritdoc />
    public override async ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default)
    {
        try
        {
            return await _inner.InvokeAsync(request, cancellationToken);
        }
        catch (GitLabException e)
        {
            return Error(e.Message);
        }
        catch (ArgumentException e) when (!cancellationToken.IsCancellationRequested)
        {
            // AIFunction binding: a missing required argument or one of the wrong type.
            return Error($"Invalid arguments for {ProtocolTool.Name}: {e.Message}");
        }
    }

    private static CallToolResult Error(string text) => new() { IsError = true, Content = [new TextContentBlock { Text = text }] };
}
