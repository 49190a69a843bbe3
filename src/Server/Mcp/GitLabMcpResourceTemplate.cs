using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Tributary.Agents.GitLab;

namespace Tributary.Server.Mcp;

/// <summary>One built-in GitLab resource template served at <c>/mcp</c>, e.g. <c>gitlab://project/{project_path}/readme</c>.</summary>
internal sealed class GitLabMcpResourceTemplate(GitLabResourceTemplate template, GitLabResources resources) : McpServerResource
{
    /// <inheritdoc />
    public override ResourceTemplate ProtocolResourceTemplate { get; } = new()
    {
        UriTemplate = template.UriTemplate,
        Name = template.Name,
        Description = template.Description + " project_path is the project's full path (group/subgroup/project, '/' may be written as %2F) or its numeric id.",
        MimeType = template.MimeType,
    };

    /// <inheritdoc />
    public override IReadOnlyList<object> Metadata => [];

    /// <inheritdoc />
    public override bool IsMatch(string uri) => template.MatchProject(uri) is not null;

    /// <inheritdoc />
    public override async ValueTask<ReadResourceResult> ReadAsync(RequestContext<ReadResourceRequestParams> request, CancellationToken cancellationToken = default)
    {
        string uri = request.Params?.Uri ?? throw new McpProtocolException("resources/read needs a uri", McpErrorCode.InvalidParams);
        string project = template.MatchProject(uri) ?? throw new McpProtocolException($"'{uri}' is not a {template.UriTemplate} resource", McpErrorCode.ResourceNotFound);
        try
        {
            string text = await resources.ReadAsync(template, project, cancellationToken);
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
}
