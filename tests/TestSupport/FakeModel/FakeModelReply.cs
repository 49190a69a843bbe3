namespace Tributary.TestSupport.FakeModel;

/// <summary>One answer of the fake model: tool calls, or a final text.</summary>
public sealed record FakeModelReply
{
    private FakeModelReply(IReadOnlyList<FakeModelToolCall> toolCalls, string? text)
    {
        ToolCalls = toolCalls;
        Text = text;
    }

    /// <summary>The tool calls asked for (empty for a text answer).</summary>
    public IReadOnlyList<FakeModelToolCall> ToolCalls { get; }

    /// <summary>The text answer, or <see langword="null"/> for tool calls.</summary>
    public string? Text { get; }

    /// <summary>Asks for the tools <paramref name="calls"/>, all in one turn.</summary>
    public static FakeModelReply Call(params FakeModelToolCall[] calls) => new(calls, null);

    /// <summary>Asks for one tool.</summary>
    public static FakeModelReply Call(string name, string argumentsJson) => new([new FakeModelToolCall(name, argumentsJson)], null);

    /// <summary>Answers <paramref name="text"/>.</summary>
    public static FakeModelReply Answer(string text) => new([], text);
}
