namespace Tributary.Agents.GitLab;

/// <summary>Why a GitLab request failed, for callers that react differently (health, agents).</summary>
public enum GitLabFailure
{
    /// <summary>Anything else GitLab refused (400, 409, 422, ...).</summary>
    Rejected,

    /// <summary>No token: the <c>gitlab.token_env</c> variable is unset.</summary>
    NotConfigured,

    /// <summary>401: the token is invalid, expired or revoked.</summary>
    Unauthorized,

    /// <summary>403: the token lacks the scope or the user the role.</summary>
    Forbidden,

    /// <summary>404: the project, merge request, file, ... does not exist or is not visible.</summary>
    NotFound,

    /// <summary>429 after every retry.</summary>
    RateLimited,

    /// <summary>No answer within the timeout, after every retry.</summary>
    Timeout,

    /// <summary>GitLab could not be reached, answered 5xx after every retry, or calls are paused by the circuit breaker.</summary>
    Unavailable,
}
