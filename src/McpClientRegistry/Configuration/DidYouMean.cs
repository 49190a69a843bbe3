namespace Tributary.McpClientRegistry.Configuration;

/// <summary>Suggests the known word closest to a misspelt one.</summary>
public static class DidYouMean
{
    /// <summary>The furthest (in edits) a suggestion may be from what was written.</summary>
    public const int MaxDistance = 2;

    /// <summary>
    /// The candidate closest to <paramref name="written"/>, ignoring case, if it is at most
    /// <see cref="MaxDistance"/> edits away; the earliest candidate wins a tie.
    /// </summary>
    public static string? Suggest(string written, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = MaxDistance + 1;
        foreach (string candidate in candidates)
        {
            int distance = Distance(written.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>The Levenshtein distance between <paramref name="a"/> and <paramref name="b"/>.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
