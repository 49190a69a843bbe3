using System.Runtime.CompilerServices;
using Tributary.McpClientRegistry.Configuration;
using Tributary.McpClientRegistry.Health;

namespace Tributary.McpClientRegistry.Connections;

public sealed partial class McpConnectionManager
{
    private const string Removed = "removed from the registry";
    private const string Reconfigured = "reconfigured";

    // One reload at a time: each diffs against the table the previous one left.
    private readonly SemaphoreSlim _applyLock = new(1, 1);

    // Connections a reload took out of the table, with why; a call still running on one fails saying so.
    private readonly ConditionalWeakTable<McpServerConnection, string> _retired = [];

    /// <summary>
    /// Makes <paramref name="next"/> the registry in effect, diffing it against the current one by server name: a new
    /// server is added, a server no longer listed is taken out of routing and then
    /// disconnected (a stdio server's process tree ended), and a server whose entry changed, or whose <c>${VAR}</c>
    /// values now resolve differently, is replaced by a new connection, which takes over its resource subscriptions. Added servers, and changed ones whose old
    /// connection was connected, are connected before this returns (failures show in their health), so their tools
    /// appear without waiting for a first use. An unchanged server keeps its connection and session: calls to it are not disturbed.
    /// <see cref="ServerListingChanged"/> is raised for each server added, removed or changed.
    /// </summary>
    /// <remarks>A call in flight on a removed or replaced server fails with an <see cref="UpstreamException"/> saying so.</remarks>
    public async Task<RegistryChanges> ApplyAsync(RegistryConfig next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        await _applyLock.WaitAsync(cancellationToken);
        try
        {
            var current = Table;
            List<string> added = [], changed = [];
            List<(McpServerConnection Connection, string Fingerprint)> entries = [];
            List<(McpServerConnection Connection, string How)> retiring = [];
            foreach (var server in next.Servers)
            {
                var fingerprint = FingerprintOf(server);
                if (current.Find(server.Name) is not { } existing)
                {
                    added.Add(server.Name);
                    entries.Add((Create(server), fingerprint));
                }
                else if (existing.Config.Equals(server) && current.FingerprintOf(server.Name) == fingerprint)
                {
                    entries.Add((existing, fingerprint));
                }
                else
                {
                    changed.Add(server.Name);
                    var replacement = Create(server);
                    replacement.InheritSubscriptions(existing);
                    entries.Add((replacement, fingerprint));
                    retiring.Add((existing, Reconfigured));
                }
            }

            var removed = current.Connections.Where(c => next.Find(c.Name) is null).ToList();
            retiring.AddRange(removed.Select(c => (c, Removed)));
            // A server added is asked for at once, so its tools reach the clients listening for list changes; a server
            // changed is if it was in use (connected, or subscribed to), to bring its tools and subscriptions back without waiting for a call.
            var reconnect = retiring
                .Where(r => r.How == Reconfigured && (r.Connection.Health.State == ServerState.Connected || r.Connection.HasSubscriptions))
                .Select(r => r.Connection.Name)
                .Concat(added)
                .Select(name => entries.First(e => e.Connection.Name == name).Connection)
                .Where(c => c.Health.State == ServerState.Idle)
                .ToList();

            // Out of routing first, so no new call reaches a connection about to close.
            foreach (var (connection, how) in retiring)
            {
                _retired.AddOrUpdate(connection, how);
            }

            Volatile.Write(ref _table, new ConnectionTable(next, entries));
            var changes = new RegistryChanges(added, [.. removed.Select(c => c.Name)], changed);
            foreach (var name in changes.Added.Concat(changes.Removed).Concat(changes.Changed))
            {
                ServerListingChanged?.Invoke(name);
            }

            await Task.WhenAll(retiring.Select(r => r.Connection.DisposeAsync().AsTask()));
            foreach (var name in changes.Removed)
            {
                LogServerRemoved(name);
            }

            foreach (var name in changes.Changed)
            {
                LogServerReconfigured(name);
            }

            foreach (var name in changes.Added)
            {
                LogServerAdded(name);
            }

            await ConnectQuietlyAsync(reconnect, cancellationToken);
            return changes;
        }
        finally
        {
            _applyLock.Release();
        }
    }

    private McpServerConnection Create(McpServerConfig server)
    {
        var connection = new McpServerConnection(server, _resolver, _factory, Authorization, _telemetry, _time, _logger);

        // A retired connection's last words (its session ending as it closes) concern a server no longer served.
        connection.ListingChanged += c =>
        {
            if (RetiredBecause(c) is null)
            {
                ServerListingChanged?.Invoke(c.Name);
            }
        };
        connection.NotificationReceived += (c, notification, token) =>
            RetiredBecause(c) is null && NotificationReceived is { } handler ? handler(c.Name, notification, token) : ValueTask.CompletedTask;
        connection.LogReceived += (c, message) =>
        {
            if (RetiredBecause(c) is null)
            {
                LogReceived?.Invoke(c.Name, message);
            }
        };
        return connection;
    }

    private string FingerprintOf(McpServerConfig server) => EndpointFingerprint.Of(_resolver.Resolve(server));

    private static async Task ConnectQuietlyAsync(IEnumerable<McpServerConnection> connections, CancellationToken cancellationToken) =>
        await Task.WhenAll(connections.Select(async c =>
        {
            try
            {
                await c.EnsureConnectedAsync(cancellationToken);
            }
            catch (UpstreamException)
            {
                // Recorded in the server's health; the others go on.
            }
        }));

    private string? RetiredBecause(McpServerConnection connection) =>
        _retired.TryGetValue(connection, out var how) ? how : null;

    private static UpstreamException RetiredDuring(string serverName, string how, string what, Exception inner) =>
        how == Removed
            ? new(serverName, UpstreamFailureKind.ConnectionLost, $"server '{serverName}' was removed from the registry by a configuration reload during {what}; the request was not sent again", inner)
            : new(serverName, UpstreamFailureKind.ConnectionLost, $"server '{serverName}' was reconfigured by a configuration reload during {what}; the request was not sent again because it may already have run, call it again", inner);
}
