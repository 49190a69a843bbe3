using System.Text;

namespace Tributary.McpClientRegistry.Configuration;

/// <summary>
/// The <c>${VAR}</c> syntax of registry values: <c>${VAR}</c>, <c>${VAR:-default}</c> (the default
/// is used when the variable is unset or empty, as in a shell) and <c>$$</c> for a literal <c>$</c>.
/// Any other <c>$</c> is literal. Error messages give positions, never the text itself, because the
/// text may be a secret.
/// </summary>
public static class VariableTemplate
{
    private const string SyntaxHint = "write ${NAME} or ${NAME:-default}, or $$ for a literal $";

    /// <summary>
    /// Splits <paramref name="text"/> into parts; returns <see langword="null"/> on success, otherwise
    /// what is wrong and how to fix it.
    /// </summary>
    public static string? TryParse(string text, out IReadOnlyList<TemplatePart> parts)
    {
        var result = new List<TemplatePart>();
        parts = result;
        var literal = new StringBuilder();
        int i = 0;
        while (i < text.Length)
        {
            if (text[i] != '$' || i + 1 >= text.Length || text[i + 1] is not ('$' or '{'))
            {
                literal.Append(text[i++]);
                continue;
            }

            if (text[i + 1] == '$')
            {
                literal.Append('$');
                i += 2;
                continue;
            }

            int close = text.IndexOf('}', i + 2);
            if (close < 0)
            {
                return $"the '${{' at character {i + 1} has no closing '}}'; {SyntaxHint}";
            }

            var inner = text.AsSpan(i + 2, close - i - 2);
            int separator = inner.IndexOf(":-", StringComparison.Ordinal);
            var name = separator < 0 ? inner : inner[..separator];
            if (!NameRules.IsVariableName(name))
            {
                return $"the '${{...}}' at character {i + 1} does not hold a valid variable name "
                    + "(letters, digits and _, not starting with a digit); " + SyntaxHint;
            }

            if (literal.Length > 0)
            {
                result.Add(new TemplatePart(literal.ToString(), IsVariable: false, Default: null));
                literal.Clear();
            }

            string? fallback = separator < 0 ? null : inner[(separator + 2)..].ToString();
            result.Add(new TemplatePart(name.ToString(), IsVariable: true, fallback));
            i = close + 1;
        }

        if (literal.Length > 0)
        {
            result.Add(new TemplatePart(literal.ToString(), IsVariable: false, Default: null));
        }

        return null;
    }

    /// <summary>
    /// Expands <paramref name="parts"/>; returns <see langword="null"/> and the name of the first
    /// variable that is unset (and has no default) in <paramref name="missingVariable"/> on failure.
    /// </summary>
    public static string? Expand(IReadOnlyList<TemplatePart> parts, Func<string, string?> readVariable, out string? missingVariable)
    {
        missingVariable = null;
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            if (!part.IsVariable)
            {
                text.Append(part.Text);
                continue;
            }

            string? value = readVariable(part.Text);
            if (part.Default is not null && string.IsNullOrEmpty(value))
            {
                value = part.Default;
            }

            if (value is null)
            {
                missingVariable = part.Text;
                return null;
            }

            text.Append(value);
        }

        return text.ToString();
    }
}
