namespace Tributary.Agents.GitLab;

/// <summary>
/// A GitLab request that failed. The message is meant for the model and the person behind it: what failed,
/// why, and how to fix it; it never holds the token.
/// </summary>
public sealed class GitLabException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GitLabException()
    {
    }

    /// <summary>Creates the exception with its user-facing message.</summary>
    public GitLabException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its user-facing message and cause.</summary>
    public GitLabException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with its user-facing message, kind and HTTP status.</summary>
    public GitLabException(string message, GitLabFailure failure, int? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
        StatusCode = statusCode;
    }

    /// <summary>Why it failed.</summary>
    public GitLabFailure Failure { get; }

    /// <summary>GitLab's HTTP status, when it answered.</summary>
    public int? StatusCode { get; }
}
