using Microsoft.Extensions.AI;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Tributary.Agents.Configuration;
using Tributary.McpClientRegistry.Catalog;
using Tributary.McpClientRegistry.Connections;

namespace Tributary.Agents.GitLab;

/// <summary>
/// Tributary's GitLab toolkit as a catalog source, <c>gitlab</c>: its tools (with their annotations), resource
/// templates and prompts, answered from GitLab directly. A GitLab failure or a bad argument is a tool error
/// (<c>isError</c>) whose text says what to fix, so a model can act on it. The tools that write are listed for the
/// agents and the command line always, and served at <c>/mcp</c> only with <c>gitlab.mcp_tools: read-write</c>.
/// </summary>
public sealed partial class GitLabCatalogSource : ICatalogSource
{
    private readonly GitLabToolset _toolset;
    private readonly GitLabResources _resources;
    private readonly GitLabClient _client;
    private readonly IReadOnlyList<GitLabPrompt> _prompts = GitLabPrompts.Create(GitLabToolNames.Exposed);

    /// <summary>Serves <paramref name="toolset"/> and <paramref name="resources"/>, publishing writers at <c>/mcp</c> as <paramref name="config"/> says.</summary>
    public GitLabCatalogSource(GitLabToolset toolset, GitLabResources resources, GitLabClient client, TributaryConfig config)
    {
        ArgumentNullException.ThrowIfNull(toolset);
        ArgumentNullException.ThrowIfNull(config);
        _toolset = toolset;
        _resources = resources;
        _client = client;
        Listing = new CatalogListing(
            [.. toolset.Tools.Select(ToolDefinition)],
            [],
            [.. GitLabResources.Templates.Select(TemplateDefinition)],
            [.. _prompts.Select(PromptDefinition)])
        {
            Unpublished = config.GitLab.McpTools == GitLabMcpAccess.ReadWrite
                ? new HashSet<string>(StringComparer.Ordinal)
                : toolset.Tools.Where(t => !t.ReadOnly).Select(t => t.Name).ToHashSet(StringComparer.Ordinal),
        };
    }

    /// <inheritdoc />
    // The toolkit's list never changes while the process runs.
    public event Action<ICatalogSource>? ListingChanged
    {
        add { }
        remove { }
    }

    /// <inheritdoc />
    public string Name => GitLabToolNames.Prefix;

    /// <inheritdoc />
    public string Prefix => GitLabToolNames.Prefix;

    /// <inheritdoc />
    public string Kind => "gitlab";

    /// <inheritdoc />
    public CatalogListing Listing { get; }

    /// <inheritdoc />
    public string? Problem => _client.ConfigurationProblem;

    /// <summary>The instance the tools call.</summary>
    public Uri Url => _client.Url;

    /// <summary>The toolkit's tools, with their access, by their own names.</summary>
    public IReadOnlyList<GitLabTool> Tools => _toolset.Tools;

    /// <summary>The tool named <paramref name="name"/> (its own name), or <see langword="null"/>.</summary>
    public GitLabTool? Find(string name) => _toolset.Find(name);

    /// <inheritdoc />
    // Nothing to connect: each call goes to GitLab on its own.
    public Task ConnectAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task<CallToolResult> CallToolAsync(string toolName, IReadOnlyDictionary<string, object?>? arguments, CallContext context, CancellationToken cancellationToken)
    {
        var exposed = GitLabToolNames.Exposed(toolName);
        if (_toolset.Find(toolName) is not { } tool)
        {
            return Error($"no tool named '{exposed}' is available; 'tributary tools list' shows the names");
        }

        try
        {
            var result = await tool.Function.InvokeAsync(new AIFunctionArguments(arguments?.ToDictionary(pair => pair.Key, pair => pair.Value)), cancellationToken);
            return new CallToolResult { Content = [new TextContentBlock { Text = ResultText(result) }] };
        }
        catch (GitLabException e)
        {
            return Error(e.Message);
        }
        catch (ArgumentException e) when (!cancellationToken.IsCancellationRequested)
        {
            // AIFunction binding: a missing required argument or one of the wrong type.
            return Error($"Invalid arguments for {exposed}: {e.Message}");
        }
    }

    /// <inheritdoc />
    public Task<GetPromptResult> GetPromptAsync(string promptName, IReadOnlyDictionary<string, object?>? arguments, CancellationToken cancellationToken)
    {
        var exposed = GitLabToolNames.Exposed(promptName);
        var prompt = _prompts.FirstOrDefault(p => p.Name == promptName)
            ?? throw new McpProtocolException($"no prompt named '{exposed}' is available", McpErrorCode.InvalidParams);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var argument in prompt.Arguments)
        {
            if (arguments is null || !arguments.TryGetValue(argument.Name, out var value) || value?.ToString() is not { Length: > 0 } text)
            {
                throw new McpProtocolException($"prompt {exposed} needs the argument '{argument.Name}': {argument.Description}", McpErrorCode.InvalidParams);
            }

            values[argument.Name] = text.Trim();
        }

        return Task.FromResult(new GetPromptResult
        {
            Description = prompt.Description,
            Messages = [new PromptMessage { Role = Role.User, Content = new TextContentBlock { Text = prompt.Render(values) } }],
        });
    }

    /// <inheritdoc />
    public async Task<ReadResourceResult> ReadResourceAsync(string uri, CancellationToken cancellationToken)
    {
        var (template, project) = GitLabResources.Templates.Select(t => (Template: t, Project: t.MatchProject(uri))).FirstOrDefault(m => m.Project is not null);
        if (template is null || project is null)
        {
            throw new McpProtocolException($"'{uri}' is not a GitLab resource: the templates are {string.Join(", ", GitLabResources.Templates.Select(t => t.UriTemplate))}", McpErrorCode.ResourceNotFound);
        }

        try
        {
            string text = await _resources.ReadAsync(template, project, cancellationToken);
            return new ReadResourceResult { Contents = [new TextResourceContents { Uri = uri, MimeType = template.MimeType, Text = text }] };
        }
        catch (GitLabException e)
        {
            // McpException messages reach the client; a missing project or file is "resource not found".
            throw e.Failure == GitLabFailure.NotFound
                ? new McpProtocolException(e.Message, e, McpErrorCode.ResourceNotFound)
                : new McpException(e.Message, e);
        }
    }

    /// <inheritdoc />
    // The resources are read fresh on every read: there is no update to announce.
    public Task SubscribeAsync(string uri, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task UnsubscribeAsync(string uri, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    // Projects and iids are the user's to name; there is nothing cheap and safe to suggest.
    public Task<CompleteResult> CompleteAsync(CompleteRequestParams request, CancellationToken cancellationToken) =>
        Task.FromResult(new CompleteResult());

    private static CallToolResult Error(string text) => new() { IsError = true, Content = [new TextContentBlock { Text = text }] };
}
