using System.Net.Mime;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Tributary.Agents.Runs;

namespace Tributary.Server.Agents;

/// <summary>Reads and checks the body of <c>POST /agents/{name}/runs</c>, saying what is wrong and how to write it.</summary>
internal static class AgentRunRequestReader
{
    private const string Example = "{\"prompt\": \"...\", \"project\": \"group/project\", \"mr_iid\": 12}";

    /// <summary>The run request, or <see langword="null"/> and the problem.</summary>
    public static async Task<(AgentRunRequest? Request, string? Problem)> ReadAsync(string agent, HttpRequest http, CancellationToken cancellationToken)
    {
        if (!http.HasJsonContentType())
        {
            return (null, $"the body must be JSON (Content-Type: {MediaTypeNames.Application.Json}), such as {Example}");
        }

        AgentRunBody? body;
        try
        {
            body = await http.ReadFromJsonAsync<AgentRunBody>(cancellationToken);
        }
        catch (JsonException e)
        {
            return (null, $"the body is not a valid run request ({e.Message}); send a JSON object such as {Example}");
        }

        return body switch
        {
            null => (null, $"the body is empty; send a JSON object such as {Example}"),
            _ when string.IsNullOrWhiteSpace(body.Prompt) => (null, "'prompt' is missing or empty: say what the agent should do"),
            { MergeRequestIid: <= 0 } => (null, "'mr_iid' must be a positive integer (the merge request's iid, as in !12)"),
            { MergeRequestIid: not null, Project: null or "" } => (null, "'mr_iid' needs 'project' (the merge request's project, a path or an id)"),
            _ => (new AgentRunRequest(agent, body.Prompt!, string.IsNullOrEmpty(body.Project) ? null : body.Project, body.MergeRequestIid), null),
        };
    }
}
