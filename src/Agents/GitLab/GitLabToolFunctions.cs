using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tributary.Agents.GitLab;

/// <summary>
/// The bodies of the built-in GitLab tools. Parameter names are the tools' argument names (snake_case, as
/// models and GitLab write them); <see cref="GitLabTools"/> turns each method into an AIFunction.
/// </summary>
internal sealed partial class GitLabToolFunctions(GitLabClient client)
{
    /// <summary>The description of every <c>project</c> argument.</summary>
    public const string ProjectDescription = "The GitLab project: its numeric id (e.g. 42) or its full path with every group and subgroup (e.g. 'my-group/my-subgroup/my-project').";

    private const int MaxResultsLimit = 100;

    private static string Choice(string value, string argument, params string[] allowed) =>
        allowed.Contains(value, StringComparer.Ordinal)
            ? value
            : throw new GitLabException($"{argument} must be one of {string.Join(", ", allowed)}, but is '{value}'.", GitLabFailure.Rejected);

    private static int Bounded(int value, string argument) =>
        value is >= 1 and <= MaxResultsLimit
            ? value
            : throw new GitLabException($"{argument} must be between 1 and {MaxResultsLimit}, but is {value}.", GitLabFailure.Rejected);

    /// <summary>
    /// The JSON answer of a listing: the project, <paramref name="filters"/>, how many items, whether GitLab had more,
    /// and the items under <paramref name="key"/>, each made compact by <paramref name="describe"/>.
    /// </summary>
    private static string Listing(string project, GitLabPage page, string key, Func<JsonElement, JsonObject> describe, params (string Name, string Value)[] filters)
    {
        var result = new JsonObject { ["project"] = GitLabClient.Normalize(project) };
        foreach (var (name, value) in filters)
        {
            result[name] = value;
        }

        result["count"] = page.Items.Count;
        result["more_available"] = page.HasMore;
        result[key] = new JsonArray([.. page.Items.Select(item => (JsonNode)describe(item))]);
        return ToolOutput.Json(result);
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Query(string value) => Uri.EscapeDataString(value);
}
