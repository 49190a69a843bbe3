using ModelContextProtocol.Client;

namespace Tributary.TestSupport.Node;

/// <summary>A command line that runs a Node program, for configs where Tributary launches it over stdio.</summary>
/// <param name="Command">The executable (an absolute path to node).</param>
/// <param name="Arguments">The arguments, script first.</param>
/// <param name="Environment">Extra environment variables the program needs.</param>
public sealed record NodeCommand(
    string Command,
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>Creates options for the SDK's <see cref="StdioClientTransport"/> that run this command.</summary>
    /// <param name="name">The transport's name, used in the SDK's logs.</param>
    /// <returns>New transport options.</returns>
    public StdioClientTransportOptions ToStdioOptions(string name) => new()
    {
        Name = name,
        Command = Command,
        Arguments = [.. Arguments],
        EnvironmentVariables = Environment.ToDictionary(e => e.Key, string? (e) => e.Value),
    };
}
