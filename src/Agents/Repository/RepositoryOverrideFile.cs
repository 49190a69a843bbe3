namespace Tributary.Agents.Repository;

/// <summary>What was read of a project's <c>.tributary.yml</c>, as cached: its text, or that it is past the size cap (and its size when GitLab said it).</summary>
/// <param name="Text">The file's text; empty when there is none or it is too large.</param>
/// <param name="TooLarge">Whether the file is larger than the cap, so it was not read past it.</param>
/// <param name="Size">The file's size in bytes, when known.</param>
public sealed record RepositoryOverrideFile(string Text, bool TooLarge, long? Size);
