namespace Tributary.Agents.Chat;

/// <summary>What became of a mention.</summary>
public enum MentionOutcome
{
    /// <summary>The answer was posted in the note's discussion.</summary>
    Answered,

    /// <summary>Not answered on purpose: no real mention, Tributary's own note, a bot, too little access, or answered already.</summary>
    Ignored,

    /// <summary>The model or GitLab failed; the thread was told so.</summary>
    Failed,
}
