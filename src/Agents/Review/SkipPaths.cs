using Microsoft.Extensions.FileSystemGlobbing;

namespace Tributary.Agents.Review;

/// <summary>
/// A repository's <c>skip_paths</c> globs (<c>docs/**</c>, <c>**/*.lock</c>), enforced in code: matching files never
/// reach the model. Matching follows Microsoft.Extensions.FileSystemGlobbing: <c>*</c> within one folder, <c>**</c> across folders.
/// </summary>
internal sealed class SkipPaths
{
    private readonly Matcher? _matcher;

    /// <summary>Creates the matcher of <paramref name="globs"/>.</summary>
    public SkipPaths(IReadOnlyList<string> globs)
    {
        if (globs.Count > 0)
        {
            _matcher = new Matcher(StringComparison.Ordinal);
            _matcher.AddIncludePatterns(globs);
        }
    }

    /// <summary>Whether <paramref name="file"/> (its new path or, for a rename, its old one) is skipped.</summary>
    public bool Skips(ChangedFile file) => _matcher is not null && (Match(file.NewPath) || Match(file.OldPath));

    private bool Match(string path) => path.Length > 0 && _matcher!.Match(path).HasMatches;
}
