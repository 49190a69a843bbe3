using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Logging;
using Tributary.Agents.Kernel;

namespace Tributary.Agents.GitLab;

/// <summary>Projects: path → id (cached for an hour), default branch, files.</summary>
public sealed partial class GitLabClient
{
    /// <summary>How long a project path → id lookup is kept.</summary>
    public static readonly TimeSpan ProjectIdLifetime = TimeSpan.FromHours(1);

    private static readonly HybridCacheEntryOptions s_projectIdOptions = new()
    {
        Expiration = ProjectIdLifetime,
        LocalCacheExpiration = ProjectIdLifetime,
    };

    /// <summary>
    /// The numeric id of <paramref name="project"/> (a numeric id, or a path such as <c>group/subgroup/project</c>);
    /// paths are looked up once an hour, in memory or in Redis when configured.
    /// </summary>
    /// <exception cref="GitLabException">The project does not exist, the token cannot see it, or GitLab failed.</exception>
    public async Task<long> GetProjectIdAsync(string project, CancellationToken cancellationToken)
    {
        string reference = Normalize(project);
        if (long.TryParse(reference, NumberStyles.None, CultureInfo.InvariantCulture, out long id))
        {
            return id;
        }

        string key = $"tributary:gitlab:{_connection.Url.Host}{_connection.Url.AbsolutePath}:project-id:{reference.ToLowerInvariant()}";
        return await _cache.GetOrCreateAsync(
            key,
            (Client: this, Path: reference, Caller: Activity.Current),
            static async (state, token) =>
            {
                AgentTelemetry.Continue(state.Caller);
                return await state.Client.LookUpProjectIdAsync(state.Path, token);
            },
            s_projectIdOptions,
            cancellationToken: cancellationToken);
    }

    /// <summary>The name of <paramref name="project"/>'s default branch (e.g. <c>main</c>).</summary>
    /// <exception cref="GitLabException">The project does not exist, has no repository, or GitLab failed.</exception>
    public async Task<string> GetDefaultBranchAsync(string project, CancellationToken cancellationToken)
    {
        var json = await GetProjectAsync(project, cancellationToken);
        return json.TryGetProperty("default_branch", out var branch) && branch.GetString() is { Length: > 0 } name
            ? name
            : throw new GitLabException($"Project '{Normalize(project)}' has no default branch (its repository is empty); push a first commit.", GitLabFailure.NotFound);
    }

    /// <summary>The most of a file <see cref="GetFileAsync(string, string, string, CancellationToken)"/> reads: 4 MiB.</summary>
    public const long MaxFileBytes = 4 * 1024 * 1024;

    /// <summary>
    /// The text of <paramref name="filePath"/> on <paramref name="project"/>'s default branch, reading at most
    /// <paramref name="maxBytes"/> of it, or <see langword="null"/> when the file does not exist there (as for an optional <c>.tributary.yml</c>).
    /// </summary>
    /// <exception cref="GitLabException">The project does not exist, the token cannot read it, or GitLab failed.</exception>
    public async Task<GitLabText?> GetFileAtDefaultBranchAsync(string project, string filePath, long maxBytes, CancellationToken cancellationToken)
    {
        string branch = await GetDefaultBranchAsync(project, cancellationToken);
        try
        {
            return await GetFileAsync(project, filePath, branch, maxBytes, cancellationToken);
        }
        catch (GitLabException e) when (e.Failure == GitLabFailure.NotFound)
        {
            return null;
        }
    }

    /// <summary>
    /// The text of <paramref name="filePath"/> at <paramref name="reference"/> (a branch, tag or commit; <c>HEAD</c> is the
    /// default branch), reading at most <paramref name="maxBytes"/>: GitLab sends raw files whole, and a repository may hold
    /// gigabytes in one.
    /// </summary>
    /// <exception cref="GitLabException">The project, file or ref does not exist, or GitLab failed.</exception>
    public async Task<GitLabText> GetFileAsync(string project, string filePath, string reference, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        long id = await GetProjectIdAsync(project, cancellationToken);
        string path = filePath.TrimStart('/');
        return await GetTextAsync(
            $"projects/{id}/repository/files/{Uri.EscapeDataString(path)}/raw?ref={Uri.EscapeDataString(reference)}",
            $"file '{path}' at ref '{reference}' of project '{Normalize(project)}'",
            maxBytes,
            cancellationToken);
    }

    /// <summary>
    /// The text of <paramref name="filePath"/> at <paramref name="reference"/>, at most <see cref="MaxFileBytes"/> of it,
    /// ending with a note when the file is larger.
    /// </summary>
    /// <exception cref="GitLabException">The project, file or ref does not exist, or GitLab failed.</exception>
    public async Task<string> GetFileAsync(string project, string filePath, string reference, CancellationToken cancellationToken)
    {
        var file = await GetFileAsync(project, filePath, reference, MaxFileBytes, cancellationToken);
        return file.IsCut ? $"{file.Text}\n{CutNote(file, MaxFileBytes)}" : file.Text;
    }

    /// <summary>The note after a file cut at <paramref name="maxBytes"/>.</summary>
    internal static string CutNote(GitLabText file, long maxBytes) => file.Length is { } length
        ? string.Create(CultureInfo.InvariantCulture, $"[truncated: the file is {length:N0} bytes; only the first {maxBytes:N0} were read]")
        : string.Create(CultureInfo.InvariantCulture, $"[truncated: the file is larger than {maxBytes:N0} bytes; only the first {maxBytes:N0} were read]");

    /// <summary>The project's JSON (<c>GET /projects/:id</c>).</summary>
    internal async Task<JsonElement> GetProjectAsync(string project, CancellationToken cancellationToken)
    {
        long id = await GetProjectIdAsync(project, cancellationToken);
        return await GetJsonAsync($"projects/{id}", ProjectSubject(project), cancellationToken);
    }

    /// <summary>How errors name <paramref name="project"/>: <c>project 'group/sub/name'</c>.</summary>
    internal static string ProjectSubject(string project) => $"project '{Normalize(project)}'";

    /// <summary>The reference as GitLab takes it: trimmed, without surrounding slashes or a trailing <c>.git</c>.</summary>
    internal static string Normalize(string project)
    {
        ArgumentNullException.ThrowIfNull(project);
        string trimmed = project.Trim().Trim('/');
        trimmed = trimmed.EndsWith(".git", StringComparison.OrdinalIgnoreCase) ? trimmed[..^4] : trimmed;
        return trimmed.Length > 0
            ? trimmed
            : throw new GitLabException("The project is empty; give its numeric id or its full path, e.g. 'group/subgroup/project'.", GitLabFailure.Rejected);
    }

    private async Task<long> LookUpProjectIdAsync(string path, CancellationToken cancellationToken)
    {
        var json = await GetJsonAsync($"projects/{Uri.EscapeDataString(path)}", ProjectSubject(path), cancellationToken);
        long id = json.GetProperty("id").GetInt64();
        LogProjectResolved(path, id);
        return id;
    }

    [LoggerMessage(4002, LogLevel.Debug, "GitLab project {ProjectPath} is id {ProjectId} (cached for an hour)")]
    private partial void LogProjectResolved(string projectPath, long projectId);
}
