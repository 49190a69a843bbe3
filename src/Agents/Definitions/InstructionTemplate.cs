using System.Text;

namespace Tributary.Agents.Definitions;

/// <summary>
/// An agent's instructions with placeholders (<c>{project_path}</c>, <c>{source_branch}</c>, <c>{target_branch}</c>,
/// <c>{project_rules}</c>) filled per run; <c>{{</c> and <c>}}</c> are literal braces.
/// </summary>
public sealed class InstructionTemplate
{
    /// <summary>The placeholders, in the order the reference lists them.</summary>
    public static readonly IReadOnlyList<string> Placeholders = ["project_path", "source_branch", "target_branch", "project_rules"];

    private InstructionTemplate(string text) => Text = text;

    /// <summary>The instructions as written.</summary>
    public string Text { get; }

    /// <summary>Checks <paramref name="text"/>: the template, or <see langword="null"/> and the problem (with how to fix it).</summary>
    public static InstructionTemplate? TryParse(string text, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        problem = null;
        foreach (var part in Scan(text))
        {
            if (part.Placeholder is { } name && !Placeholders.Contains(name))
            {
                string? suggestion = McpClientRegistry.Configuration.DidYouMean.Suggest(name, Placeholders);
                problem = suggestion is not null
                    ? $"unknown placeholder '{{{name}}}'; did you mean '{{{suggestion}}}'? (write '{{{{' and '}}}}' for literal braces)"
                    : $"unknown placeholder '{{{name}}}'; known placeholders are {string.Join(", ", Placeholders.Select(p => $"{{{p}}}"))} (write '{{{{' and '}}}}' for literal braces)";
                return null;
            }
        }

        return new InstructionTemplate(text);
    }

    /// <summary>The instructions for a run about <paramref name="context"/>; unknown values say so.</summary>
    public string Render(RunContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = new StringBuilder(Text.Length);
        foreach (var part in Scan(Text))
        {
            text.Append(part.Placeholder switch
            {
                null => part.Literal,
                "project_path" => context.ProjectPath ?? "(no project given)",
                "source_branch" => context.SourceBranch ?? "(no merge request given)",
                "target_branch" => context.TargetBranch ?? "(no merge request given)",
                _ => string.IsNullOrWhiteSpace(context.ProjectRules) ? "(this project sets no rules)" : context.ProjectRules,
            });
        }

        return text.ToString();
    }

    private static IEnumerable<(string? Literal, string? Placeholder)> Scan(string text)
    {
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] is '{' or '}' && i + 1 < text.Length && text[i + 1] == text[i])
            {
                yield return (text[start..(i + 1)], null);
                start = i + 2;
                i++;
            }
            else if (text[i] == '{' && PlaceholderAt(text, i) is { } name)
            {
                yield return (text[start..i], null);
                yield return (null, name);
                start = i + name.Length + 2;
                i = start - 1;
            }
        }

        yield return (text[start..], null);
    }

    // A placeholder is '{' word '}' with a lower-case word; other braces (JSON, code) stay as written.
    private static string? PlaceholderAt(string text, int open)
    {
        int close = text.IndexOf('}', open + 1);
        if (close < 0)
        {
            return null;
        }

        string name = text[(open + 1)..close];
        return name.Length > 0 && name.All(c => char.IsAsciiLetterLower(c) || c == '_') ? name : null;
    }
}
