namespace Tributary.McpClientRegistry.Configuration;

/// <summary>
/// The <c>tools: { allow, deny }</c> lists of a server: names or <c>*</c> globs matched against the
/// upstream's original tool names. An empty allow list allows everything; deny wins over allow.
/// </summary>
public sealed record ToolFilter(IReadOnlyList<string> Allow, IReadOnlyList<string> Deny)
{
    /// <summary>A filter that exposes every tool.</summary>
    public static readonly ToolFilter All = new([], []);

    /// <summary>Whether the upstream tool <paramref name="toolName"/> is exposed.</summary>
    public bool IsAllowed(string toolName) =>
        (Allow.Count == 0 || Allow.Any(p => GlobPattern.IsMatch(p, toolName)))
        && !Deny.Any(p => GlobPattern.IsMatch(p, toolName));

    /// <summary>Whether both filters hold the same patterns in the same order.</summary>
    public bool Equals(ToolFilter? other) =>
        other is not null && Allow.SequenceEqual(other.Allow) && Deny.SequenceEqual(other.Deny);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Allow.Count, Deny.Count);
}
