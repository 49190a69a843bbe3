namespace Tributary.Agents.Review;

/// <summary>A review that could not be done; the message says why and how to fix it, and never holds a secret.</summary>
public sealed class ReviewException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ReviewException()
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    public ReviewException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public ReviewException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
