using System.Globalization;
using System.Text.Json;
using Tributary.Agents.GitLab;

namespace Tributary.Agents.Kernel;

/// <summary>
/// Keeps a run's GitLab tools on the one project it is about (a review's or a chat's merge request): a call whose
/// <c>project</c> names another is refused before any request reaches GitLab.
/// </summary>
/// <param name="Id">The project's numeric id.</param>
/// <param name="Path">Its full path, <c>group/subgroup/project</c>.</param>
internal sealed record ProjectConfinement(long Id, string Path)
{
    /// <summary>The argument every GitLab tool names its project with.</summary>
    public const string Argument = "project";

    /// <summary>Whether <paramref name="value"/> (the tool's <c>project</c> argument) names this project.</summary>
    public bool Allows(object? value, out string given)
    {
        given = value switch
        {
            null => string.Empty,
            string text => text,
            JsonElement { ValueKind: JsonValueKind.String } json => json.GetString() ?? string.Empty,
            JsonElement json => json.GetRawText(),
            IConvertible convertible => convertible.ToString(CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };
        string reference;
        try
        {
            reference = GitLabClient.Normalize(given);
        }
        catch (GitLabException)
        {
            return false;
        }

        return long.TryParse(reference, NumberStyles.None, CultureInfo.InvariantCulture, out long id)
            ? id == Id
            : string.Equals(reference, Path, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>What the model is told when it names another project.</summary>
    public string Refusal(string given) =>
        $"this run may only use project '{Path}' (id {Id.ToString(CultureInfo.InvariantCulture)}), the one of its merge request; '{given}' is another project, so the call was not made";
}
