namespace Tributary.McpClientRegistry.Connections;

/// <summary>What applying a new registry changed, by server name, each list in registry order.</summary>
/// <param name="Added">Servers new to the registry: connected as they are added.</param>
/// <param name="Removed">Servers no longer in the registry: disconnected (a stdio server's process tree ended).</param>
/// <param name="Changed">
/// Servers whose entry, or what its <c>${VAR}</c> values resolve to, changed: the old connection was closed and a new
/// one made for the new entry.
/// </param>
public sealed record RegistryChanges(IReadOnlyList<string> Added, IReadOnlyList<string> Removed, IReadOnlyList<string> Changed)
{
    /// <summary>No change.</summary>
    public static RegistryChanges None { get; } = new([], [], []);

    /// <summary>Whether nothing changed.</summary>
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0;
}
