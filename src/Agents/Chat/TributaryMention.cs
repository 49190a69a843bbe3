using System.Text;
using System.Text.RegularExpressions;

namespace Tributary.Agents.Chat;

/// <summary>
/// Finds <c>@tributary</c> (or <c>@tributary-bot</c>) addressed to Tributary in a note: not inside a quote (lines
/// starting with <c>&gt;</c>, <c>&gt;&gt;&gt;</c> blocks) nor a code block, so quoting an earlier question asks nothing.
/// </summary>
public static partial class TributaryMention
{
    /// <summary>The question of <paramref name="note"/>: its own text without the mention, or <see langword="null"/> when it does not address Tributary.</summary>
    public static string? Question(string note)
    {
        if (string.IsNullOrEmpty(note))
        {
            return null;
        }

        var own = new StringBuilder();
        bool inCode = false, inQuote = false;
        foreach (string line in note.ReplaceLineEndings("\n").Split('\n'))
        {
            string trimmed = line.TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                inCode = !inCode;
                continue;
            }

            if (trimmed.StartsWith(">>>", StringComparison.Ordinal))
            {
                inQuote = !inQuote;
                continue;
            }

            if (!inCode && !inQuote && !trimmed.StartsWith('>'))
            {
                own.Append(line).Append('\n');
            }
        }

        string text = own.ToString();
        return Mention().IsMatch(text) ? Mention().Replace(text, string.Empty).Trim() : null;
    }

    [GeneratedRegex(@"(?<![\w@.-])@tributary(?:-bot)?(?![\w-])", RegexOptions.IgnoreCase)]
    private static partial Regex Mention();
}
