namespace Tributary.McpClientRegistry.Connections;

/// <summary>Where one upstream message ends in what a transport reads, so its size can be counted as it arrives.</summary>
internal enum MessageFraming
{
    /// <summary>One message per line (stdio).</summary>
    Lines,

    /// <summary>Server-sent events: a message ends at a blank line (streamable HTTP and SSE streams).</summary>
    Events,

    /// <summary>The whole body is one message (a JSON response).</summary>
    Whole,
}
