using Microsoft.Extensions.AI;

namespace Tributary.Agents.GitLab;

/// <summary>
/// One built-in GitLab tool: served at <c>/mcp</c> (as an MCP tool with its annotations) and handed to
/// agent kernels (as a kernel function), from the same <see cref="AIFunction"/>.
/// </summary>
/// <param name="Name">The plain tool name, such as <c>get_merge_request</c>.</param>
/// <param name="ReadOnly">Whether the tool only reads; the tools that post or create are not.</param>
/// <param name="Function">The function: name, description, JSON schema and invocation.</param>
public sealed record GitLabTool(string Name, bool ReadOnly, AIFunction Function);
