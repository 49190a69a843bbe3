using Tributary.McpClientRegistry.Configuration;

namespace Tributary.McpClientRegistry.Connections;

/// <summary>
/// One registry and its connections, immutable: the manager swaps a whole table on reload, so a reader takes
/// <see cref="McpConnectionManager"/>'s current table once and sees a consistent set without locking.
/// </summary>
internal sealed class ConnectionTable
{
    private readonly Dictionary<string, Entry> _byName;

    public ConnectionTable(RegistryConfig registry, IEnumerable<(McpServerConnection Connection, string Fingerprint)> entries)
    {
        Registry = registry;
        var list = entries.ToList();
        Connections = [.. list.Select(e => e.Connection)];
        _byName = list.ToDictionary(e => e.Connection.Name, e => new Entry(e.Connection, e.Fingerprint), StringComparer.Ordinal);
    }

    public static ConnectionTable Empty { get; } = new(new RegistryConfig(string.Empty, []), []);

    public RegistryConfig Registry { get; }

    /// <summary>Every connection, in registry order.</summary>
    public IReadOnlyList<McpServerConnection> Connections { get; }

    public McpServerConnection? Find(string name) => _byName.GetValueOrDefault(name)?.Connection;

    /// <summary>The <see cref="EndpointFingerprint"/> the entry named <paramref name="name"/> had when its connection was made.</summary>
    public string? FingerprintOf(string name) => _byName.GetValueOrDefault(name)?.Fingerprint;

    private sealed record Entry(McpServerConnection Connection, string Fingerprint);
}
