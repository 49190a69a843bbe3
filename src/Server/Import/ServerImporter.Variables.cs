using System.Text.RegularExpressions;

namespace Tributary.Server.Import;

/// <summary>Client variables: <c>${env:VAR}</c> and <c>${VAR}</c> become <c>${VAR}</c>; VS Code inputs become variables to export.</summary>
internal sealed partial class ServerImporter
{
    /// <summary>Rewrites the client's variable references in <paramref name="text"/> to the registry's <c>${VAR}</c>.</summary>
    private string Rewrite(string text, string where) => Reference().Replace(text, match =>
    {
        string inner = match.Groups[1].Value;
        if (inner.StartsWith("env:", StringComparison.Ordinal) && IsVariableName(inner[4..]))
        {
            return Read(inner[4..], "read from the environment, as in the client");
        }

        if (inner.StartsWith("input:", StringComparison.Ordinal))
        {
            string id = inner[6..];
            if (!_file.Inputs.TryGetValue(id, out string? description))
            {
                throw new ImportRefusedException($"{where} uses ${{input:{id}}}, which the file's 'inputs' do not define");
            }

            string variable = VariableFor(id);
            return Read(variable, $"VS Code asked for it as input '{id}'{(description.Length > 0 ? $" ({description})" : string.Empty)}");
        }

        if (inner == "userHome")
        {
            return Read("HOME", "your home folder (${userHome} in the client)");
        }

        int dash = inner.IndexOf(":-", StringComparison.Ordinal);
        string name = dash < 0 ? inner : inner[..dash];
        if (IsVariableName(name) && !EditorVariables.Contains(name))
        {
            Read(name, dash < 0 ? "read from the environment, as in the client" : $"read from the environment, as in the client; '{inner[(dash + 2)..]}' when unset");
            return match.Value;
        }

        throw new ImportRefusedException($"{where} uses ${{{inner}}}, which only the client knows; replace it with its value (a path, a name) and import again");
    });

    private static readonly HashSet<string> EditorVariables = new(StringComparer.Ordinal)
    {
        "workspaceFolder", "workspaceFolderBasename", "workspaceRoot", "file", "fileDirname", "relativeFile", "cwd", "pathSeparator", "CLAUDE_PLUGIN_ROOT",
    };

    private string Read(string variable, string why)
    {
        _variables.TryAdd(variable, new ImportNote(variable, why));
        return $"${{{variable}}}";
    }

    /// <summary>A variable name made of <paramref name="text"/>: words (camelCase too) in upper case joined by <c>_</c>.</summary>
    private static string VariableFor(string text)
    {
        string name = string.Join('_', Word().Matches(text).Select(m => m.Value.ToUpperInvariant()));
        return name.Length == 0 || char.IsAsciiDigit(name[0]) ? "_" + name : name;
    }

    /// <summary>A variable for the secret <paramref name="part"/> of <paramref name="server"/>: the part's own name when it already starts with the server's.</summary>
    private static string VariableFor(string server, string part)
    {
        string own = VariableFor(part);
        string prefix = VariableFor(server);
        return own.StartsWith(prefix + "_", StringComparison.Ordinal) ? own : $"{prefix}_{own}";
    }

    private static bool IsVariableName(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    [GeneratedRegex("[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"\$\{([^}]*)\}")]
    private static partial Regex Reference();
}
