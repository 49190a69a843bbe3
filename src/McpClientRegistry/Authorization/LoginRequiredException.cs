namespace Tributary.McpClientRegistry.Authorization;

/// <summary>
/// An <c>auth_type: oauth</c> server needs a person to log in (<c>tributary auth login</c>) before it can be used:
/// no token is stored, or the stored one was refused and could not be refreshed.
/// </summary>
public sealed class LoginRequiredException : Exception
{
    /// <summary>Creates the exception; <paramref name="message"/> names the server and the fix.</summary>
    public LoginRequiredException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception without a message.</summary>
    public LoginRequiredException()
    {
    }

    /// <summary>Creates the exception with the failure that caused it.</summary>
    public LoginRequiredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The exception in <paramref name="error"/>'s chain of inner exceptions, if there is one.</summary>
    public static LoginRequiredException? Find(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is LoginRequiredException login)
            {
                return login;
            }
        }

        return null;
    }
}
