namespace Tributary.Agents.Configuration;

/// <summary>
/// The <c>host</c> section: where <c>tributary serve</c> listens and which host names it answers. Each setting is
/// used only when neither its command-line option nor its environment variable is given.
/// </summary>
public sealed record HostConfig
{
    /// <summary>The listen addresses (<c>http://127.0.0.1:8420</c>); empty when not set.</summary>
    public IReadOnlyList<string> Urls { get; init; } = [];

    /// <summary>The accepted <c>Host</c> names, also the hosts a browser <c>Origin</c> may name; empty when not set.</summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    /// <summary>
    /// How long a stopping <c>tributary serve</c> keeps serving with <c>/health/ready</c> unready, so a load balancer
    /// stops sending it new work before it stops listening; zero (the default) stops at once.
    /// </summary>
    public TimeSpan Drain { get; init; } = TimeSpan.Zero;

    /// <summary><c>/mcp</c> as an OAuth protected resource, or <see langword="null"/> for the shared key (the default).</summary>
    public HostOAuthConfig? OAuth { get; init; }

    /// <summary>The settings used when the file has no <c>host</c> section: nothing set.</summary>
    public static HostConfig Default { get; } = new();
}
