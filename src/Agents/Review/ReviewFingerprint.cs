using System.Security.Cryptography;
using System.Text;

namespace Tributary.Agents.Review;

/// <summary>
/// A finding's identity across runs: its file, side, title and the text of the line it points at (not the line's
/// number, which moves when lines are added above it). The same finding on a later push is not posted again.
/// </summary>
public static class ReviewFingerprint
{
    /// <summary>The fingerprint of <paramref name="finding"/>, whose anchored line reads <paramref name="lineText"/> (<see langword="null"/> when not in the diff).</summary>
    public static string Of(ReviewFinding finding, string? lineText)
    {
        ArgumentNullException.ThrowIfNull(finding);
        string title = string.Join(' ', finding.Title.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        string anchor = lineText?.Trim() ?? $"#{finding.EndLine}";
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{finding.Path}\n{finding.Side}\n{title}\n{anchor}"));
        return Convert.ToHexStringLower(hash)[..16];
    }
}
