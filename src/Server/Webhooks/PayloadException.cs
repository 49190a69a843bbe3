namespace Tributary.Server.Webhooks;

/// <summary>A field of a webhook body is missing or of the wrong type; the message says which and how to fix it.</summary>
internal sealed class PayloadException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PayloadException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public PayloadException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public PayloadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
