using System.Text.Json;

namespace Tributary.TestSupport.FakeModel;

/// <summary>A chat completions request as the fake received it.</summary>
/// <param name="Stream">Whether the client asked for server-sent events.</param>
/// <param name="Model">The model id sent.</param>
/// <param name="Messages">The conversation sent.</param>
/// <param name="Tools">The function names offered.</param>
/// <param name="ToolChoice">The <c>tool_choice</c> sent (<c>auto</c>, <c>none</c>), or <see langword="null"/>.</param>
/// <param name="Authorization">The <c>Authorization</c> header.</param>
public sealed record FakeModelRequest(bool Stream, string Model, IReadOnlyList<FakeModelMessage> Messages, IReadOnlyList<string> Tools, string? ToolChoice, string? Authorization)
{
    /// <summary>The results of tool calls in the conversation, in order.</summary>
    public IReadOnlyList<string> ToolResults => [.. Messages.Where(m => m.Role == "tool").Select(m => m.Content)];

    /// <summary>The system prompt.</summary>
    public string System => Messages.FirstOrDefault(m => m.Role == "system")?.Content ?? string.Empty;

    internal static FakeModelRequest Parse(JsonElement body, string? authorization)
    {
        var messages = body.GetProperty("messages").EnumerateArray().Select(m => new FakeModelMessage(
            m.GetProperty("role").GetString()!,
            ContentOf(m),
            m.TryGetProperty("tool_calls", out var calls) && calls.ValueKind == JsonValueKind.Array
                ? [.. calls.EnumerateArray().Select(c => c.GetProperty("function").GetProperty("name").GetString()!)]
                : [])).ToList();
        string[] tools = body.TryGetProperty("tools", out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray().Select(t => t.GetProperty("function").GetProperty("name").GetString()!)]
            : [];
        string? choice = body.TryGetProperty("tool_choice", out var c) ? (c.ValueKind == JsonValueKind.String ? c.GetString() : c.GetRawText()) : null;
        bool stream = body.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;
        return new FakeModelRequest(stream, body.GetProperty("model").GetString()!, messages, tools, choice, authorization);
    }

    private static string ContentOf(JsonElement message)
    {
        if (!message.TryGetProperty("content", out var content))
        {
            return string.Empty;
        }

        return content.ValueKind switch
        {
            JsonValueKind.String => content.GetString()!,
            JsonValueKind.Array => string.Concat(content.EnumerateArray().Select(p => p.TryGetProperty("text", out var t) ? t.GetString() : string.Empty)),
            _ => string.Empty,
        };
    }
}
