namespace Tributary.Agents.GitLab;

/// <summary>A text body read from GitLab within a byte limit.</summary>
/// <param name="Text">What was read: all of it, or the part within the limit.</param>
/// <param name="IsCut">Whether GitLab had more than the limit, which was not read.</param>
/// <param name="Length">The body's size in bytes, when GitLab said it (<c>Content-Length</c>) or it was read whole.</param>
public sealed record GitLabText(string Text, bool IsCut, long? Length);
