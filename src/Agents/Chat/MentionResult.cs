namespace Tributary.Agents.Chat;

/// <summary>What a mention led to.</summary>
/// <param name="Outcome">Answered, ignored or failed.</param>
/// <param name="Message">Why, in one line (for the log).</param>
/// <param name="Answer">The answer posted, when there is one.</param>
public sealed record MentionResult(MentionOutcome Outcome, string Message, string? Answer = null);
