namespace Tributary.Agents.Runs;

/// <summary>A run that cannot start or go on; the message says why and how to fix it (it never holds a secret).</summary>
public sealed class AgentRunException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AgentRunException()
    {
    }

    /// <summary>Creates the exception with its user-facing message.</summary>
    public AgentRunException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its user-facing message and cause.</summary>
    public AgentRunException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with its user-facing message and kind.</summary>
    public AgentRunException(string message, AgentRunFailure failure)
        : base(message) => Failure = failure;

    /// <summary>Why the run failed.</summary>
    public AgentRunFailure Failure { get; } = AgentRunFailure.Invalid;
}
