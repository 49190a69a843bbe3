namespace Tributary.Agents.GitLab;

/// <summary>How the built-in GitLab tools are named where they sit beside the upstreams' tools.</summary>
public static class GitLabToolNames
{
    /// <summary>The prefix of the built-in tools at <c>/mcp</c>, reserved in the registry: <c>gitlab__get_issue</c>.</summary>
    public const string Prefix = "gitlab";

    /// <summary>The name <paramref name="tool"/> is exposed under, following the upstreams' rule <c>&lt;prefix&gt;__&lt;tool&gt;</c>.</summary>
    public static string Exposed(string tool) => $"{Prefix}__{tool}";
}
