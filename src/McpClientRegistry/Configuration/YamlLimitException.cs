using YamlDotNet.Core;

namespace Tributary.McpClientRegistry.Configuration;

/// <summary>A YAML file went past one of its <see cref="YamlLimits"/>; the message says which and where, ready to print.</summary>
internal sealed class YamlLimitException : YamlException
{
    /// <summary>Creates the exception for the event between <paramref name="start"/> and <paramref name="end"/>.</summary>
    public YamlLimitException(Mark start, Mark end, string message)
        : base(start, end, message)
    {
    }

    /// <summary>Not used; required by the analyzers.</summary>
    public YamlLimitException(string message)
        : base(message)
    {
    }

    /// <summary>Not used; required by the analyzers.</summary>
    public YamlLimitException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
