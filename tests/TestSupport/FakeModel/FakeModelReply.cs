namespace Tributary.TestSupport.FakeModel;

/// <summary>One answer of the fake model: tool calls, or a final text.</summary>
public sealed record FakeModelReply
{
    private FakeModelReply(IReadOnlyList<FakeModelToolCall> toolCalls, string? text, int? failureStatus = null)
    {
        ToolCalls = toolCalls;
        Text = text;
        FailureStatus = failureStatus;
    }

    /// <summary>The HTTP status of a failure answer (its JSON body is <see cref="Text"/>), or <see langword="null"/>.</summary>
    public int? FailureStatus { get; }

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

    /// <summary>Fails the request with <paramref name="status"/> and the JSON <paramref name="body"/>, as a provider's error.</summary>
    public static FakeModelReply Fail(int status, string body) => new([], body, status);
}
