using Tributary.Agents.Configuration;

namespace Tributary.Server.Security;

/// <summary>
/// Who may use <c>/mcp</c>: the shared key, the <c>Host</c> names accepted, and the hosts a browser
/// <c>Origin</c> may name. Read once at start-up from <see cref="KeyVariable"/> and <see cref="AllowedHostsVariable"/>
/// (else the config file's <c>host.allowed_hosts</c>).
/// </summary>
internal sealed record SecurityOptions
{
    /// <summary>The variable holding the bearer key clients must send to <c>/mcp</c>.</summary>
    public const string KeyVariable = "TRIBUTARY_MCP_KEY";

    /// <summary>The variable listing the accepted host names, separated by <c>;</c> (<c>*</c> accepts any).</summary>
    public const string AllowedHostsVariable = "TRIBUTARY_ALLOWED_HOSTS";

    /// <summary>The names of this machine's loopback interface, the only hosts accepted by default.</summary>
    public static IReadOnlyList<string> LoopbackHosts { get; } = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>The key clients must present, or <see langword="null"/> when <c>/mcp</c> is open.</summary>
    public string? Key { get; init; }

    /// <summary>Whether every listen address is a loopback one.</summary>
    public required bool LoopbackOnly { get; init; }

    /// <summary>The <c>Host</c> header values accepted (ASP.NET host filtering).</summary>
    public required IReadOnlyList<string> AllowedHosts { get; init; }

    /// <summary>The hosts an <c>Origin</c> header may name.</summary>
    public required IReadOnlyList<string> AllowedOriginHosts { get; init; }

    /// <summary>
    /// <c>host.oauth</c>: when set, <c>/mcp</c> and agent runs take access tokens from its issuer instead of the key,
    /// which then guards only <c>/health</c>'s details.
    /// </summary>
    public HostOAuthConfig? OAuth { get; init; }

    /// <summary>Whether to serve beyond loopback without a key (<c>--allow-anonymous</c>), with a warning, instead of refusing.</summary>
    public bool AllowAnonymous { get; init; }

    /// <summary>
    /// Reads the options for a host listening on <paramref name="urls"/>; the allowed hosts come from
    /// <see cref="AllowedHostsVariable"/>, else from <paramref name="fileHosts"/> (the config file's <c>host.allowed_hosts</c>).
    /// </summary>
    public static SecurityOptions Create(string urls, Func<string, string?> readVariable, IReadOnlyList<string>? fileHosts = null, HostOAuthConfig? oauth = null)
    {
        ArgumentNullException.ThrowIfNull(readVariable);
        var loopbackOnly = ListenAddresses.AreLoopbackOnly(urls);
        var fromVariable = (readVariable(AllowedHostsVariable) ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        IReadOnlyList<string> configured = fromVariable.Length > 0 ? fromVariable : fileHosts ?? [];

        // Bound beyond loopback, the machine's own names are unknown, so Host is not filtered unless configured;
        // browser origins stay limited to loopback names, which keeps DNS rebinding out either way.
        return new SecurityOptions
        {
            Key = readVariable(KeyVariable) is { Length: > 0 } key ? key : null,
            LoopbackOnly = loopbackOnly,
            AllowedHosts = configured.Count > 0 ? configured : loopbackOnly ? LoopbackHosts : ["*"],
            AllowedOriginHosts = configured.Count > 0 ? configured : LoopbackHosts,
            OAuth = oauth,
        };
    }
}
