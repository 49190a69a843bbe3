namespace Tributary.Agents.Review;

/// <summary>What a line of a unified diff is.</summary>
public enum DiffLineKind
{
    /// <summary>Unchanged, shown for context (a <c>' '</c> line): it has an old and a new number.</summary>
    Context,

    /// <summary>Added (a <c>'+'</c> line): it has a new number only.</summary>
    Added,

    /// <summary>Removed (a <c>'-'</c> line): it has an old number only.</summary>
    Removed,
}
