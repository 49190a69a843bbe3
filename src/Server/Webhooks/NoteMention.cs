using System.Text.RegularExpressions;

namespace Tributary.Server.Webhooks;

/// <summary>
/// Finds an <c>@name</c> mention in a note's Markdown the way a reader would: as a whole user name, in any case,
/// and not only inside quoted lines (<c>&gt; ...</c>, <c>&gt;&gt;&gt;</c> blocks) or code fences, which repeat
/// what someone else wrote.
/// </summary>
internal sealed class NoteMention
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

    /// <summary>The user name looked for, without <c>@</c>.</summary>
    public string Name { get; }

    /// <summary>Whether <paramref name="note"/> mentions <see cref="Name"/> outside quotes and code.</summary>
    public bool IsIn(string note)
    {
        ArgumentNullException.ThrowIfNull(note);
        var inQuoteBlock = false;
        var inCode = false;
        foreach (var rawLine in note.Split('\n'))
        {
            var line = rawLine.TrimStart();
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

            if (!inCode && !inQuoteBlock && !line.StartsWith('>') && _mention.IsMatch(line))
            {
                return true;
            }
        }

        return false;
    }
}
