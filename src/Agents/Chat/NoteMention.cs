using System.Text;
using System.Text.RegularExpressions;

namespace Tributary.Agents.Chat;

/// <summary>
/// Finds an <c>@name</c> mention in a note's Markdown the way a reader would: as a whole user name, in any case,
/// and not inside quoted lines (<c>&gt; ...</c>, <c>&gt;&gt;&gt;</c> blocks) or code fences, which repeat what
/// someone else wrote. The webhook uses it to decide what to queue and the chat to find the question.
/// </summary>
public sealed class NoteMention
{
    private readonly Regex _mention;

    /// <summary>Matches mentions of <paramref name="name"/>.</summary>
    public NoteMention(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;

        // GitLab user names hold letters, digits, '_', '-' and '.', so '@name-bot' and '@name.x' are other users,
        // while a sentence's full stop after '@name' is not; 'me@name' is an e-mail address.
        _mention = new Regex(
            $@"(?<![\w.+@-])@{Regex.Escape(name)}(?![\w-]|\.[\w-])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1));
    }

    /// <summary>Mentions of <c>@tributary</c>.</summary>
    public static NoteMention Tributary { get; } = new("tributary");

    /// <summary>The user name looked for, without <c>@</c>.</summary>
    public string Name { get; }

    /// <summary>Whether <paramref name="note"/> mentions <see cref="Name"/> outside quotes and code.</summary>
    public bool IsIn(string note) => Question(note) is not null;

    /// <summary>
    /// The note's own text (without quotes and code) with the mentions removed, or <see langword="null"/> when it
    /// does not mention <see cref="Name"/> outside quotes and code.
    /// </summary>
    public string? Question(string note)
    {
        ArgumentNullException.ThrowIfNull(note);
        var own = new StringBuilder();
        bool mentioned = false, inQuoteBlock = false, inCode = false;
        foreach (string rawLine in note.ReplaceLineEndings("\n").Split('\n'))
        {
            string line = rawLine.TrimStart();
            if (!inQuoteBlock && line.StartsWith("```", StringComparison.Ordinal))
            {
                inCode = !inCode;
                continue;
            }

            if (!inCode && line.TrimEnd() == ">>>")
            {
                inQuoteBlock = !inQuoteBlock;
                continue;
            }

            if (!inCode && !inQuoteBlock && !line.StartsWith('>'))
            {
                mentioned |= _mention.IsMatch(line);
                own.Append(_mention.Replace(rawLine, string.Empty)).Append('\n');
            }
        }

        return mentioned ? own.ToString().Trim() : null;
    }
}
