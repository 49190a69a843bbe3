namespace Tributary.McpClientRegistry.Configuration;

/// <summary>
/// The outcome of resolving a server's endpoint: either <see cref="Endpoint"/>, or a
/// <see cref="Problem"/> that names what is missing (never a secret value) and how to fix it.
/// </summary>
public sealed record EndpointResolution(ResolvedEndpoint? Endpoint, string? Problem)
{
    /// <summary>Whether the endpoint could be resolved.</summary>
    public bool IsConfigured => Endpoint is not null;
}
