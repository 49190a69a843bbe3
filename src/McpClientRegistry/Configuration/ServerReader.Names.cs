namespace Tributary.McpClientRegistry.Configuration;

/// <summary>Checks of the server name and its tool-name prefix.</summary>
internal sealed partial class ServerReader
{
    private const string NameChars = "letters, digits, '_' and '-'";

    private bool CheckName()
    {
        string? problem =
            name.Length == 0 ? $"the server name is empty; give the server a name made of {NameChars}"
            : name.Length > NameRules.MaxNameLength ? $"the server name is {name.Length} characters long; shorten it to at most {NameRules.MaxNameLength}, since it prefixes tool names (at most 64 characters)"
            : !NameRules.HasOnlyNameChars(name) ? $"the server name may contain only {NameChars}; rename it, e.g. '{NameRules.Sanitize(name)}'"
            : null;
        if (problem is null)
        {
            return true;
        }

        context.Add(nameNode, name, null, problem);
        return false;
    }

    private void ReadPrefix(bool nameIsValid)
    {
        if (fields.Node("prefix") is not { } node)
        {
            Prefix = nameIsValid ? name : null;
            return;
        }

        PrefixIsExplicit = true;
        PrefixNode = node;
        if (YamlNodes.IsNull(node))
        {
            fields.Problem("prefix", "is empty; write 'prefix: \"\"' for no prefix, or remove the line to use the server name");
            return;
        }

        if (fields.TextOf(node, "prefix") is not { } prefix)
        {
            return;
        }

        string? problem =
            prefix.Length > NameRules.MaxNameLength ? $"'{prefix}' is {prefix.Length} characters long; use at most {NameRules.MaxNameLength}"
            : !NameRules.HasOnlyNameChars(prefix) ? $"'{prefix}' may contain only {NameChars}; write e.g. '{NameRules.Sanitize(prefix)}', or \"\" for no prefix"
            : null;
        if (problem is null)
        {
            Prefix = prefix;
        }
        else
        {
            fields.Problem("prefix", problem);
        }
    }
}
