using System.Globalization;
using Tributary.McpClientRegistry.Configuration;

namespace Tributary.McpClientRegistry.Connections;

/// <summary>
/// An upstream sent a message larger than its <c>max_message_size</c>: it was not read, and the connection that
/// brought it is dropped and made again on next use. Not an <see cref="IOException"/>: the SDK's HTTP transport takes
/// those for a stream that merely ended, and would hide why.
/// </summary>
public sealed class UpstreamMessageTooLargeException : Exception
{
    /// <summary>Creates the exception for a server whose limit is <paramref name="maxMessageSize"/> bytes.</summary>
    public UpstreamMessageTooLargeException(long maxMessageSize)
        : base(string.Create(
            CultureInfo.InvariantCulture,
            $"it sent a message larger than {SizeParser.Format(maxMessageSize)} (max_message_size), so Tributary stopped reading it and dropped the connection; raise max_message_size for this server if its messages are that large"))
    {
        MaxMessageSize = maxMessageSize;
    }

    /// <summary>The limit that was passed, in bytes.</summary>
    public long MaxMessageSize { get; }
}
