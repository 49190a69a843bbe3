using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Tributary.Agents.Runs;

/// <summary>
/// Adds up the tokens a run's model answers report (OpenAI's <c>ChatTokenUsage</c> through the OpenAI connector,
/// <c>UsageDetails</c> through an <c>IChatClient</c>); each answer counted once. Streamed answers may report none.
/// </summary>
internal sealed class TokenUsage
{
    private const string UsageKey = "Usage";

    private readonly HashSet<ChatMessageContent> _counted = new(ReferenceEqualityComparer.Instance);

    /// <summary>Input (prompt) tokens so far.</summary>
    public long Input { get; private set; }

    /// <summary>Output (completion) tokens so far.</summary>
    public long Output { get; private set; }

    /// <summary>Counts the assistant answers of <paramref name="history"/> not counted yet (the tool-calling turns).</summary>
    public void AddFrom(ChatHistory history)
    {
        foreach (var message in history.Where(m => m.Role == AuthorRole.Assistant))
        {
            Add(message);
        }
    }

    /// <summary>Counts <paramref name="message"/> unless it was counted already.</summary>
    public void Add(ChatMessageContent message)
    {
        if (message.Metadata?.GetValueOrDefault(UsageKey) is not { } usage || !_counted.Add(message))
        {
            return;
        }

        switch (usage)
        {
            case OpenAI.Chat.ChatTokenUsage openAI:
                Input += openAI.InputTokenCount;
                Output += openAI.OutputTokenCount;
                break;
            case Microsoft.Extensions.AI.UsageDetails details:
                Input += details.InputTokenCount ?? 0;
                Output += details.OutputTokenCount ?? 0;
                break;
            default:
                break;
        }
    }
}
