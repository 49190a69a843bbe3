namespace Tributary.Server.Mcp;

/// <summary>How many primitives one sync added to and removed from a collection.</summary>
internal readonly record struct CollectionChanges(int Added, int Removed)
{
    /// <inheritdoc />
    public override string ToString() => $"{Added} added, {Removed} removed";
}
