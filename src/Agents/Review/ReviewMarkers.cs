using System.Text.RegularExpressions;

namespace Tributary.Agents.Review;

/// <summary>
/// The hidden HTML comments by which Tributary finds its own notes again: the summary (holding the last reviewed
/// head SHA, so the state lives in GitLab) and each finding's fingerprint. Only notes by the token's user are
/// trusted, and model text is stripped of anything that looks like a marker.
/// </summary>
public static partial class ReviewMarkers
{
    /// <summary>The marker that ends a review summary, with the head SHA it reviewed.</summary>
    public static string Summary(string headSha) => $"<!-- tributary:review head={headSha} -->";

    /// <summary>The marker of a posted finding.</summary>
    public static string Finding(string fingerprint) => $"<!-- tributary:finding {fingerprint} -->";

    /// <summary>Whether <paramref name="body"/> is a review summary; <paramref name="headSha"/> is the SHA it holds (the last one).</summary>
    public static bool TryReadSummary(string body, out string headSha)
    {
        var matches = SummaryPattern().Matches(body ?? string.Empty);
        headSha = matches.Count > 0 ? matches[^1].Groups[1].Value : string.Empty;
        return matches.Count > 0;
    }

    /// <summary>The fingerprints of the findings in <paramref name="body"/>.</summary>
    public static IEnumerable<string> Fingerprints(string body) =>
        FindingPattern().Matches(body ?? string.Empty).Select(m => m.Groups[1].Value);

    /// <summary>
    /// Text written by the model, made safe to post: no HTML comment can pose as a marker, and <c>@name</c> mentions
    /// (which would notify people or groups, <c>@all</c> included) are broken with a zero-width space.
    /// </summary>
    public static string Neutralize(string text) =>
        Mention().Replace((text ?? string.Empty).Replace("<!--", "&lt;!--", StringComparison.Ordinal), "@\u200B$1");

    [GeneratedRegex(@"<!-- tributary:review head=([0-9a-fA-F]{7,64}) -->")]
    private static partial Regex SummaryPattern();

    [GeneratedRegex(@"<!-- tributary:finding ([0-9a-f]{16}) -->")]
    private static partial Regex FindingPattern();

    [GeneratedRegex(@"(?<![\w.])@([A-Za-z0-9_])")]
    private static partial Regex Mention();
}
