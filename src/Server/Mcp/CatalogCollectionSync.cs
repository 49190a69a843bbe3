using ModelContextProtocol.Server;

namespace Tributary.Server.Mcp;

/// <summary>Makes one primitive collection equal to a list of catalog entries, raising its <c>Changed</c> at most once.</summary>
internal static class CatalogCollectionSync
{
    /// <summary>
    /// Removes primitives whose entry is gone or was re-listed (the entry records differ then) and adds the
    /// missing ones; an entry already served keeps its primitive. Primitives that are not the catalog's (the
    /// built-in GitLab ones) are left alone.
    /// </summary>
    public static CollectionChanges Apply<TPrimitive, TEntry>(McpServerPrimitiveCollection<TPrimitive> collection, IReadOnlyList<TEntry> entries, Func<TEntry, TPrimitive> create)
        where TPrimitive : IMcpServerPrimitive
        where TEntry : notnull
    {
        var wanted = entries.Select(e => (object)e).ToHashSet();
        int added = 0, removed = 0;
        using (collection.DeferChangedEvents())
        {
            foreach (var primitive in collection.ToArray())
            {
                if (primitive is ICatalogPrimitive served && !wanted.Remove(served.Entry))
                {
                    collection.Remove(primitive);
                    removed++;
                }
            }

            foreach (var entry in entries)
            {
                if (wanted.Contains(entry) && collection.TryAdd(create(entry)))
                {
                    added++;
                }
            }
        }

        return new CollectionChanges(added, removed);
    }
}
