namespace Tributary.Agents.Kernel;

/// <summary>A tool that answered with an error (MCP <c>isError</c>); the message is the tool's own text.</summary>
public sealed class ToolFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ToolFailedException()
    {
    }

    /// <summary>Creates the exception with the tool's error text.</summary>
    public ToolFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the tool's error text and cause.</summary>
    public ToolFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
