namespace Tributary.Agents.Review;

/// <summary>Which version of a file a line number refers to.</summary>
public enum DiffSide
{
    /// <summary>The file as the merge request leaves it (added and unchanged lines).</summary>
    New,

    /// <summary>The file before the merge request (removed and unchanged lines).</summary>
    Old,
}
