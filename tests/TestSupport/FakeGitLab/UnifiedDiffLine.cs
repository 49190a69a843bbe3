namespace Tributary.TestSupport.FakeGitLab;

/// <summary>
/// One discussable line of a unified diff, numbered as GitLab's diff parser numbers it: both counters run through
/// every line, so an added line still has an old-side position (the old line it comes before) and a removed line a
/// new-side one. The API's <c>old_line</c>/<c>new_line</c> leave out the side a line does not have.
/// </summary>
/// <param name="Kind">Context, added or removed.</param>
/// <param name="OldPosition">The old-file counter at this line (GitLab's <c>old_pos</c>).</param>
/// <param name="NewPosition">The new-file counter at this line (GitLab's <c>new_pos</c>).</param>
/// <param name="Text">The line without its <c>+</c>, <c>-</c> or space marker.</param>
public sealed record UnifiedDiffLine(UnifiedDiffLineKind Kind, int OldPosition, int NewPosition, string Text)
{
    /// <summary>The <c>old_line</c> a position names this line by: <see langword="null"/> for an added line.</summary>
    public int? OldLine => Kind == UnifiedDiffLineKind.Added ? null : OldPosition;

    /// <summary>The <c>new_line</c> a position names this line by: <see langword="null"/> for a removed line.</summary>
    public int? NewLine => Kind == UnifiedDiffLineKind.Removed ? null : NewPosition;

    /// <summary>This line's GitLab line code in the file <paramref name="filePath"/> (see <see cref="UnifiedDiff.LineCode"/>).</summary>
    public string LineCode(string filePath) => UnifiedDiff.LineCode(filePath, OldPosition, NewPosition);
}
