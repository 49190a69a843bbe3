using System.Diagnostics;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Logging;
using Tributary.Agents.Configuration;
using Tributary.Agents.GitLab;
using Tributary.Agents.Kernel;
using Tributary.McpClientRegistry.Configuration;

namespace Tributary.Agents.Repository;

/// <summary>
/// Reads a project's <c>.tributary.yml</c> through the GitLab API from its default branch only (never from a merge
/// request's source branch, so an MR author cannot widen an agent's tools), caching the text for a few minutes.
/// When it cannot be read, the run goes on with the defaults and says why.
/// </summary>
public sealed partial class RepositoryOverrideProvider(GitLabClient gitLab, HybridCache cache, TributaryConfigProvider configs, ILogger<RepositoryOverrideProvider> logger)
{
    /// <summary>How long a project's file is kept before it is read again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(3);

    private static readonly HybridCacheEntryOptions s_options = new() { Expiration = Lifetime, LocalCacheExpiration = Lifetime };

    /// <summary>The override of <paramref name="project"/> (a path or numeric id).</summary>
    public async Task<RepositoryOverride> GetAsync(string project, CancellationToken cancellationToken)
    {
        RepositoryOverrideFile file;
        try
        {
            string key = $"tributary:repository-override:{gitLab.Url.Host}{gitLab.Url.AbsolutePath}:{project.Trim().Trim('/').ToLowerInvariant()}";
            file = await cache.GetOrCreateAsync(
                key,
                (GitLab: gitLab, Project: project, Caller: Activity.Current),
                static async (state, token) =>
                {
                    AgentTelemetry.Continue(state.Caller);

                    // Read no further than the cap: any repository could hold a huge file under that name.
                    var read = await state.GitLab.GetFileAtDefaultBranchAsync(state.Project, RepositoryOverrideParser.FileName, YamlLimits.RepositoryFile.MaxBytes, token);
                    return read is { IsCut: true }
                        ? new RepositoryOverrideFile(string.Empty, TooLarge: true, read.Length)
                        : new RepositoryOverrideFile(read?.Text ?? string.Empty, TooLarge: false, null);
                },
                s_options,
                cancellationToken: cancellationToken);
        }
        catch (GitLabException e)
        {
            LogUnreadable(project, e.Message);
            return RepositoryOverride.None with { Problems = [$"{RepositoryOverrideParser.FileName}: could not be read from project '{project}' ({e.Message}); the agent's own settings apply"] };
        }

        var result = file switch
        {
            { TooLarge: true } => RepositoryOverrideParser.TooLarge(file.Size),
            { Text.Length: 0 } => RepositoryOverride.None,
            _ => RepositoryOverrideParser.Parse(file.Text, configs.Current.Agents),
        };
        foreach (string problem in result.Problems)
        {
            LogProblem(project, problem);
        }

        return result;
    }

    [LoggerMessage(5101, LogLevel.Warning, "The .tributary.yml of project {Project} could not be read: {Reason}")]
    private partial void LogUnreadable(string project, string reason);

    [LoggerMessage(5102, LogLevel.Warning, "Project {Project}: {Problem}")]
    private partial void LogProblem(string project, string problem);
}
