namespace Tributary.TestSupport.FakeGitLab;

/// <summary>What a discussable line of a unified diff is.</summary>
public enum UnifiedDiffLineKind
{
    /// <summary>An unchanged line shown for context (<c>' '</c>): it has an old and a new line number.</summary>
    Context,

    /// <summary>An added line (<c>'+'</c>): it has a new line number only.</summary>
    Added,

    /// <summary>A removed line (<c>'-'</c>): it has an old line number only.</summary>
    Removed,
}
