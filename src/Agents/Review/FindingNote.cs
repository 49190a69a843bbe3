using System.Globalization;
using System.Text;

namespace Tributary.Agents.Review;

/// <summary>The text of a finding's thread on the diff: severity and title, the explanation, GitLab's suggestion block, and the fingerprint marker.</summary>
internal static class FindingNote
{
    /// <summary>Renders <paramref name="finding"/>; a suggestion covers its lines (GitLab's <c>suggestion:-N+0</c> counts lines above the anchor).</summary>
    public static string Render(ReviewFinding finding, string fingerprint)
    {
        var text = new StringBuilder()
            .Append("**").Append(ReviewSummary.Name(finding.Severity)).Append("**: ").Append(ReviewMarkers.Neutralize(finding.Title)).Append("\n\n");
        if (finding.Body.Length > 0)
        {
            text.Append(ReviewMarkers.Neutralize(finding.Body)).Append("\n\n");
        }

        if (finding.Suggestion is { } suggestion && finding.Side == DiffSide.New)
        {
            string fence = suggestion.Contains("```", StringComparison.Ordinal) ? "````" : "```";
            text.Append(fence).Append("suggestion:-").Append((finding.EndLine - finding.StartLine).ToString(CultureInfo.InvariantCulture)).Append("+0\n")
                .Append(suggestion.Replace("<!--", "&lt;!--", StringComparison.Ordinal)).Append('\n').Append(fence).Append("\n\n");
        }

        return text.Append("<sub>Tributary review</sub>\n").Append(ReviewMarkers.Finding(fingerprint)).ToString();
    }
}
