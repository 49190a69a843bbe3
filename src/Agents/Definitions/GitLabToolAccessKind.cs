namespace Tributary.Agents.Definitions;

/// <summary>Which built-in GitLab tools an agent gets (<c>gitlab_tools</c>).</summary>
public enum GitLabToolAccessKind
{
    /// <summary>Every tool that only reads (the default).</summary>
    Read,

    /// <summary>Every tool, including those that post comments and create issues.</summary>
    ReadWrite,

    /// <summary>No GitLab tool.</summary>
    None,

    /// <summary>Exactly the tools named in the list.</summary>
    Named,
}
