using System.Text;

namespace Tributary.Agents.Kernel;

/// <summary>
/// Names valid for Semantic Kernel and every model provider: plugins <c>[A-Za-z0-9_]</c>, functions
/// <c>[A-Za-z0-9_-]</c>, and <c>plugin-function</c> at most 64 characters.
/// </summary>
internal static class PluginNames
{
    /// <summary>The longest <c>plugin-function</c> name models accept.</summary>
    public const int MaxQualifiedLength = 64;

    /// <summary>The longest plugin name, leaving room for the function's.</summary>
    public const int MaxPluginLength = 24;

    /// <summary>A plugin name for <paramref name="server"/> not among <paramref name="taken"/> (which it joins).</summary>
    public static string Plugin(string server, ISet<string> taken) =>
        Unique(Clean(server, allowDash: false), MaxPluginLength, taken);

    /// <summary>A function name for <paramref name="tool"/> in plugin <paramref name="plugin"/>, not among <paramref name="taken"/> (which it joins).</summary>
    public static string Function(string plugin, string tool, ISet<string> taken) =>
        Unique(Clean(tool, allowDash: true), MaxQualifiedLength - plugin.Length - 1, taken);

    private static string Clean(string name, bool allowDash)
    {
        var text = new StringBuilder(name.Length);
        foreach (char c in name)
        {
            text.Append(char.IsAsciiLetterOrDigit(c) || c == '_' || (allowDash && c == '-') ? c : '_');
        }

        return text.Length == 0 ? "_" : text.ToString();
    }

    private static string Unique(string name, int maxLength, ISet<string> taken)
    {
        string candidate = Cut(name, maxLength);
        for (int i = 2; !taken.Add(candidate); i++)
        {
            string suffix = $"_{i}";
            candidate = Cut(name, maxLength - suffix.Length) + suffix;
        }

        return candidate;
    }

    private static string Cut(string name, int maxLength) => name.Length <= maxLength ? name : name[..maxLength];
}
