using System.Globalization;
using Tributary.Agents.Configuration;

namespace Tributary.Server.Cli;

/// <summary>
/// Which merge request <c>tributary review</c> works on and against which GitLab, from its options or, inside a
/// GitLab CI job, from the predefined variables (<c>CI_MERGE_REQUEST_PROJECT_ID</c> or <c>CI_PROJECT_ID</c>,
/// <c>CI_MERGE_REQUEST_IID</c>, <c>CI_SERVER_URL</c>), with the token from <see cref="TokenVariable"/> or the config's <c>token_env</c>.
/// </summary>
/// <param name="Project">The project (id or path).</param>
/// <param name="MergeRequestIid">The merge request.</param>
internal sealed record ReviewTarget(string Project, int MergeRequestIid)
{
    /// <summary>The variable whose token, when set, is used instead of the config's <c>gitlab.token_env</c>.</summary>
    public const string TokenVariable = "TRIBUTARY_GITLAB_TOKEN";

    /// <summary>
    /// The target from <paramref name="project"/> and <paramref name="mr"/>, falling back to the CI variables;
    /// <see langword="null"/> and the usage problem when neither gives one.
    /// </summary>
    public static ReviewTarget? Resolve(string? project, int? mr, Func<string, string?> readVariable, out string? problem)
    {
        problem = null;
        project ??= NonEmpty(readVariable("CI_MERGE_REQUEST_PROJECT_ID")) ?? NonEmpty(readVariable("CI_PROJECT_ID"));
        if (mr is null && NonEmpty(readVariable("CI_MERGE_REQUEST_IID")) is { } fromCi)
        {
            if (!int.TryParse(fromCi, NumberStyles.None, CultureInfo.InvariantCulture, out int iid) || iid < 1)
            {
                problem = $"CI_MERGE_REQUEST_IID is '{fromCi}', not a merge request number";
                return null;
            }

            mr = iid;
        }

        if (project is null || mr is null)
        {
            problem = "no merge request to review: pass --project and --mr, or run inside a GitLab CI merge request pipeline "
                + "(rules: - if: $CI_PIPELINE_SOURCE == \"merge_request_event\"), which sets CI_PROJECT_ID and CI_MERGE_REQUEST_IID";
            return null;
        }

        if (mr < 1)
        {
            problem = $"--mr must be a merge request number (1 or more), not {mr.Value.ToString(CultureInfo.InvariantCulture)}";
            return null;
        }

        return new ReviewTarget(project, mr.Value);
    }

    /// <summary>
    /// <paramref name="config"/> as a review job uses it: the GitLab of <c>CI_SERVER_URL</c> unless the config names
    /// another than gitlab.com, and the token of <see cref="TokenVariable"/> when it is set.
    /// </summary>
    public static TributaryConfig ForJob(TributaryConfig config, Func<string, string?> readVariable)
    {
        var gitLab = config.GitLab;
        if (gitLab.Url == GitLabConfig.DefaultUrl && NonEmpty(readVariable("CI_SERVER_URL")) is { } server
            && Uri.TryCreate(server.TrimEnd('/') + "/", UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            gitLab = gitLab with { Url = url };
        }

        if (NonEmpty(readVariable(TokenVariable)) is not null)
        {
            gitLab = gitLab with { TokenEnv = TokenVariable };
        }

        return config with { GitLab = gitLab };
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
