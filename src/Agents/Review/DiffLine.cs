namespace Tributary.Agents.Review;

/// <summary>
/// One line of a file's diff. <see cref="OldPosition"/> and <see cref="NewPosition"/> are GitLab's running counters
/// (an added line keeps the old counter where it was, a removed line the new one), which GitLab's <c>line_code</c> uses.
/// </summary>
/// <param name="Kind">Context, added or removed.</param>
/// <param name="OldLine">Its number in the old file, or <see langword="null"/> for an added line.</param>
/// <param name="NewLine">Its number in the new file, or <see langword="null"/> for a removed line.</param>
/// <param name="OldPosition">The old side's counter at this line.</param>
/// <param name="NewPosition">The new side's counter at this line.</param>
/// <param name="Text">The line without its <c>+</c>, <c>-</c> or space.</param>
public sealed record DiffLine(DiffLineKind Kind, int? OldLine, int? NewLine, int OldPosition, int NewPosition, string Text);
