using System.Text.Json;

namespace Tributary.Agents.GitLab;

/// <summary>
/// The built-in GitLab resource templates and how each is read: a project's README, CI configuration,
/// open merge requests, open issues and latest pipeline, as text or compact JSON.
/// </summary>
public sealed class GitLabResources
{
    private const int MaxListed = 20;

    private readonly GitLabClient _client;
    private readonly GitLabToolFunctions _functions;

    /// <summary>Reads through <paramref name="client"/>.</summary>
    public GitLabResources(GitLabClient client)
    {
        _client = client;
        _functions = new GitLabToolFunctions(client);
    }

    /// <summary>The templates, in the order they are listed.</summary>
    public static IReadOnlyList<GitLabResourceTemplate> Templates { get; } =
    [
        new("readme", "project_readme", "The project's README (README.md or another README* at the root of its default branch).", "text/markdown"),
        new("ci-config", "project_ci_config", "The project's CI configuration (.gitlab-ci.yml, or the path set in its CI/CD settings) on its default branch.", "application/yaml"),
        new("merge-requests/open", "project_open_merge_requests", "The project's open merge requests, most recently updated first (at most 20).", "application/json"),
        new("issues/open", "project_open_issues", "The project's open issues, most recently updated first (at most 20).", "application/json"),
        new("pipelines/latest", "project_latest_pipeline", "The latest pipeline of the project's default branch, with its jobs' statuses.", "application/json"),
    ];

    /// <summary>Reads <paramref name="template"/> for <paramref name="project"/>.</summary>
    /// <exception cref="GitLabException">GitLab failed, or the project or file does not exist.</exception>
    public Task<string> ReadAsync(GitLabResourceTemplate template, string project, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(template);
        return template.Suffix switch
        {
            "readme" => ReadReadmeAsync(project, cancellationToken),
            "ci-config" => ReadCiConfigAsync(project, cancellationToken),
            "merge-requests/open" => _functions.ListMergeRequestsAsync(project, "opened", MaxListed, cancellationToken),
            "issues/open" => _functions.ListIssuesAsync(project, "opened", string.Empty, MaxListed, cancellationToken),
            "pipelines/latest" => _functions.GetPipelineStatusAsync(project, string.Empty, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(template), template.Suffix, "not a GitLab resource template"),
        };
    }

    private async Task<string> ReadReadmeAsync(string project, CancellationToken cancellationToken)
    {
        long id = await _client.GetProjectIdAsync(project, cancellationToken);
        var root = await _client.GetPagedAsync($"projects/{id}/repository/tree", 100, $"the repository root of {GitLabClient.ProjectSubject(project)}", cancellationToken);
        string? readme = root.Items
            .Where(e => e.GetProperty("type").GetString() == "blob")
            .Select(e => e.GetProperty("path").GetString()!)
            .Where(p => p.StartsWith("README", StringComparison.OrdinalIgnoreCase))
            .OrderBy(p => p.Equals("README.md", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .FirstOrDefault();
        return readme is null
            ? throw new GitLabException($"{GitLabClient.ProjectSubject(project)} has no README at the root of its default branch.", GitLabFailure.NotFound)
            : await _client.GetFileAsync(project, readme, await _client.GetDefaultBranchAsync(project, cancellationToken), cancellationToken);
    }

    private async Task<string> ReadCiConfigAsync(string project, CancellationToken cancellationToken)
    {
        var json = await _client.GetProjectAsync(project, cancellationToken);
        string path = json.TryGetProperty("ci_config_path", out var configured) && configured.ValueKind == JsonValueKind.String && configured.GetString() is { Length: > 0 } set
            ? set
            : ".gitlab-ci.yml";
        string branch = json.GetProperty("default_branch").GetString() ?? "HEAD";
        return await _client.GetFileAsync(project, path, branch, cancellationToken);
    }
}
