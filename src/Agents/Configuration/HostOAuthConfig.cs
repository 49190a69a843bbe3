namespace Tributary.Agents.Configuration;

/// <summary>
/// <c>host.oauth</c>: <c>/mcp</c> as an OAuth protected resource. Callers present access tokens (JWTs) issued by
/// <see cref="Authority"/> for <see cref="Audience"/> instead of the shared key.
/// </summary>
public sealed record HostOAuthConfig
{
    /// <summary>The issuer; its signing keys come from <c>{authority}/.well-known/openid-configuration</c>.</summary>
    public required Uri Authority { get; init; }

    /// <summary>The audience access tokens must name (<c>aud</c>).</summary>
    public required string Audience { get; init; }

    /// <summary>
    /// The resource identifier clients ask tokens for (<c>https://tributary.example.com/mcp</c>), or <see langword="null"/>
    /// to derive it from each request's scheme and host (right unless a proxy in front changes them).
    /// </summary>
    public Uri? Resource { get; init; }

    /// <summary>The scope needed to use <c>/mcp</c> at all, or <see langword="null"/> when any valid token may.</summary>
    public string? ReadScope { get; init; }

    /// <summary>The scope needed for tools that declare they write and for agent runs, or <see langword="null"/> when any valid token may.</summary>
    public string? WriteScope { get; init; }
}
