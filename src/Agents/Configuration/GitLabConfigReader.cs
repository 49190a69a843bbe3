using Tributary.McpClientRegistry.Configuration;

namespace Tributary.Agents.Configuration;

/// <summary>Reads the <c>gitlab</c> section: <c>url</c>, <c>token_env</c>, <c>timeout</c>, <c>mcp_tools</c>. No field is required.</summary>
internal static class GitLabConfigReader
{
    /// <summary>The section's name in <c>tributary.yml</c>.</summary>
    public const string SectionName = "gitlab";

    /// <summary>The fields this reader accepts.</summary>
    internal static readonly IReadOnlyList<string> Fields = ["url", "token_env", "timeout", "mcp_tools"];

    /// <summary>Reads the section of <paramref name="document"/>, reporting problems into it; defaults fill what is absent.</summary>
    public static GitLabConfig Read(YamlConfigDocument document)
    {
        var reader = MappingReader.Read(document.Context.ForScope(null), SectionName, document.Section(SectionName), Fields, "url: https://gitlab.example.com");
        return new GitLabConfig(
            ReadUrl(reader) ?? GitLabConfig.DefaultUrl,
            ReadTokenEnv(reader) ?? GitLabConfig.DefaultTokenEnv,
            reader.Duration("timeout") ?? GitLabConfig.DefaultTimeout)
        {
            McpTools = ReadMcpTools(reader) ?? GitLabMcpAccess.Read,
        };
    }

    private static GitLabMcpAccess? ReadMcpTools(MappingReader reader)
    {
        switch (reader.Text("mcp_tools"))
        {
            case null:
                return null;
            case "read":
                return GitLabMcpAccess.Read;
            case "read-write":
                return GitLabMcpAccess.ReadWrite;
            case var text:
                reader.Problem("mcp_tools", $"'{text}' is not a choice; write 'mcp_tools: read' (the default: /mcp serves only the GitLab tools that read) or 'mcp_tools: read-write' (also post_merge_request_comment and create_issue, as the token's user)");
                return null;
        }
    }

    private static Uri? ReadUrl(MappingReader reader)
    {
        if (reader.Text("url") is not { } text)
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && uri.Host.Length > 0 && string.IsNullOrEmpty(uri.Query))
        {
            // The API lives under the instance's path; a trailing /api/v4 written by habit is taken off.
            string path = uri.AbsolutePath.TrimEnd('/');
            path = path.EndsWith("/api/v4", StringComparison.OrdinalIgnoreCase) ? path[..^"/api/v4".Length] : path;
            return new Uri(uri.GetLeftPart(UriPartial.Authority) + path + "/");
        }

        reader.Problem("url", $"'{text}' is not an http:// or https:// URL of a GitLab instance; write e.g. 'url: https://gitlab.example.com' (or leave it out for https://gitlab.com)");
        return null;
    }

    private static string? ReadTokenEnv(MappingReader reader)
    {
        if (reader.Text("token_env") is not { } name)
        {
            return null;
        }

        // GitLab tokens start with "gl" and a dash-ended kind (glpat-, gldt-, ...), which no variable name has.
        if (name.StartsWith("gl", StringComparison.Ordinal) && name.Contains('-', StringComparison.Ordinal))
        {
            reader.Problem("token_env", "looks like a token, not the name of a variable; keep the token out of the file: export it (e.g. as GITLAB_TOKEN) and write 'token_env: GITLAB_TOKEN'");
            return null;
        }

        if (name.Length == 0 || char.IsAsciiDigit(name[0]) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            reader.Problem("token_env", $"'{name}' is not an environment variable name; use letters, digits and '_', not starting with a digit, e.g. 'token_env: GITLAB_TOKEN'");
            return null;
        }

        return name;
    }
}
