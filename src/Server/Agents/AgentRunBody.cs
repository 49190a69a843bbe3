using System.Text.Json.Serialization;

namespace Tributary.Server.Agents;

/// <summary>The JSON body of <c>POST /agents/{name}/runs</c>.</summary>
internal sealed record AgentRunBody
{
    /// <summary>What to ask the agent.</summary>
    [JsonPropertyName("prompt")]
    public string? Prompt { get; init; }

    /// <summary>The GitLab project (path or id) the run is about, if any.</summary>
    [JsonPropertyName("project")]
    public string? Project { get; init; }

    /// <summary>The merge request of <see cref="Project"/> the run is about, if any.</summary>
    [JsonPropertyName("mr_iid")]
    public int? MergeRequestIid { get; init; }
}
