namespace Tributary.Agents.Configuration;

/// <summary>Which built-in GitLab tools <c>/mcp</c> serves (<c>gitlab.mcp_tools</c>); agents keep their own <c>gitlab_tools</c>.</summary>
public enum GitLabMcpAccess
{
    /// <summary><c>read</c>, the default: only the tools that read.</summary>
    Read,

    /// <summary><c>read-write</c>: also <c>post_merge_request_comment</c> and <c>create_issue</c>, with Tributary's token.</summary>
    ReadWrite,
}
