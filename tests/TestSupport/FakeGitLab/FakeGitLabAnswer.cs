using System.Text.Json.Nodes;

namespace Tributary.TestSupport.FakeGitLab;

/// <summary>What the fake answers to a write: a status and a JSON body, GitLab's <c>{"message": …}</c> or Grape's <c>{"error": …}</c> on failure.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Body">The JSON body.</param>
internal sealed record FakeGitLabAnswer(int Status, JsonNode Body)
{
    public bool Succeeded => Status is >= 200 and < 300;

    public static FakeGitLabAnswer Ok(JsonNode body) => new(200, body);

    public static FakeGitLabAnswer Created(JsonNode body) => new(201, body);

    /// <summary>GitLab's <c>render_api_error!</c>: <c>{"message": "…"}</c>.</summary>
    public static FakeGitLabAnswer Message(int status, string message) => new(status, new JsonObject { ["message"] = message });

    /// <summary>Grape's parameter validation: 400 <c>{"error": "…"}</c>, e.g. <c>body is missing</c>.</summary>
    public static FakeGitLabAnswer Invalid(string error) => new(400, new JsonObject { ["error"] = error });
}
