using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Tributary.Agents.GitLab;

namespace Tributary.Server.Mcp;

/// <summary>One built-in GitLab prompt served at <c>/mcp</c> as <c>gitlab__&lt;prompt&gt;</c>.</summary>
internal sealed class GitLabMcpPrompt(GitLabPrompt prompt) : McpServerPrompt
{
    /// <inheritdoc />
    public override Prompt ProtocolPrompt { get; } = new()
    {
        Name = GitLabToolNames.Exposed(prompt.Name),
        Description = prompt.Description,
        Arguments = [.. prompt.Arguments.Select(a => new PromptArgument { Name = a.Name, Description = a.Description, Required = true })],
    };

    /// <inheritdoc />
    public override IReadOnlyList<object> Metadata => [];

    /// <inheritdoc />
    public override ValueTask<GetPromptResult> GetAsync(RequestContext<GetPromptRequestParams> request, CancellationToken cancellationToken = default)
    {
        var given = request.Params?.Arguments;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var argument in prompt.Arguments)
        {
            if (given is null || !given.TryGetValue(argument.Name, out var value) || value.ToString() is not { Length: > 0 } text)
            {
                throw new McpProtocolException($"prompt {ProtocolPrompt.Name} needs the argument '{argument.Name}': {argument.Description}", McpErrorCode.InvalidParams);
            }

            values[argument.Name] = text.Trim();
        }

        return ValueTask.FromResult(new GetPromptResult
        {
            Description = prompt.Description,
            Messages = [new PromptMessage { Role = Role.User, Content = new TextContentBlock { Text = prompt.Render(values) } }],
        });
    }
}
