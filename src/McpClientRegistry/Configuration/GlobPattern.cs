namespace Tributary.McpClientRegistry.Configuration;

/// <summary>Matches tool names against patterns where <c>*</c> stands for any run of characters.</summary>
internal static class GlobPattern
{
    /// <summary>Whether <paramref name="text"/> matches <paramref name="pattern"/>, case-sensitively.</summary>
    public static bool IsMatch(string pattern, string text) => IsMatch(pattern.AsSpan(), text.AsSpan());

    private static bool IsMatch(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        int star = pattern.IndexOf('*');
        if (star < 0)
        {
            return pattern.SequenceEqual(text);
        }

        var head = pattern[..star];
        if (!text.StartsWith(head))
        {
            return false;
        }

        var rest = pattern[(star + 1)..];
        var remaining = text[head.Length..];
        for (int i = 0; i <= remaining.Length; i++)
        {
            if (IsMatch(rest, remaining[i..]))
            {
                return true;
            }
        }

        return false;
    }
}
