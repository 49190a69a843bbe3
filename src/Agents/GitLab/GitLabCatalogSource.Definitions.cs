using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Tributary.Agents.GitLab;

/// <summary>How the toolkit's tools, templates and prompts are described to MCP clients and models.</summary>
public sealed partial class GitLabCatalogSource
{
    private static Tool ToolDefinition(GitLabTool tool)
    {
        var described = McpServerTool.Create(tool.Function, new McpServerToolCreateOptions
        {
            Name = tool.Name,
            ReadOnly = tool.ReadOnly,

            // Writers add a note or an issue: nothing is destroyed, and calling twice adds twice.
            Destructive = tool.ReadOnly ? null : false,
            Idempotent = tool.ReadOnly ? null : false,
            OpenWorld = true,
        });
        return described.ProtocolTool;
    }

    private static ResourceTemplate TemplateDefinition(GitLabResourceTemplate template) => new()
    {
        UriTemplate = template.UriTemplate,
        Name = template.Name,
        Description = template.Description + " project_path is the project's full path (group/subgroup/project, '/' may be written as %2F) or its numeric id.",
        MimeType = template.MimeType,
    };

    private static Prompt PromptDefinition(GitLabPrompt prompt) => new()
    {
        Name = prompt.Name,
        Description = prompt.Description,
        Arguments = [.. prompt.Arguments.Select(a => new PromptArgument { Name = a.Name, Description = a.Description, Required = true })],
    };

    // The tools return their text as it is (GitLabTools marshals results unchanged), not a JSON string of it.
    private static string ResultText(object? result) => result switch
    {
        null => string.Empty,
        string text => text,
        JsonElement { ValueKind: JsonValueKind.String } json => json.GetString() ?? string.Empty,
        JsonElement json => json.GetRawText(),
        _ => result.ToString() ?? string.Empty,
    };
}
