namespace Tributary.McpClientRegistry.Configuration;

/// <summary>
/// Expands <c>${VAR}</c> and <c>${VAR:-default}</c> in a server's <c>url</c>, <c>headers</c>,
/// <c>command</c>, <c>args</c> and <c>env</c>, and adds the bearer token, reading variables through
/// the given function so tests need not touch the process environment.
/// </summary>
public sealed class EndpointResolver(Func<string, string?> readVariable)
{
    /// <summary>A resolver over the process environment.</summary>
    public static EndpointResolver FromEnvironment { get; } = new(Environment.GetEnvironmentVariable);

    /// <summary>Resolves <paramref name="server"/>, or says which variable is missing.</summary>
    public EndpointResolution Resolve(McpServerConfig server)
    {
        ArgumentNullException.ThrowIfNull(server);
        _ = readVariable;
        throw new NotImplementedException();
    }
}
