namespace Tributary.McpClientRegistry.Configuration;

/// <summary>The character rules for server names, prefixes, environment variable and header names.</summary>
internal static class NameRules
{
    /// <summary>The longest server name or prefix, leaving room in the 64-character tool name.</summary>
    public const int MaxNameLength = 32;

    /// <summary>Whether <paramref name="c"/> may appear in a server name or prefix: <c>[A-Za-z0-9_-]</c>.</summary>
    public static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';

    /// <summary>Whether every character of <paramref name="text"/> may appear in a server name or prefix.</summary>
    public static bool HasOnlyNameChars(string text) => text.All(IsNameChar);

    /// <summary>A suggestion made of <paramref name="text"/> with every other character replaced by <c>_</c>.</summary>
    public static string Sanitize(string text) => string.Concat(text.Select(c => IsNameChar(c) ? c : '_'));

    /// <summary>Whether <paramref name="name"/> is a portable environment variable name: <c>[A-Za-z_][A-Za-z0-9_]*</c>.</summary>
    public static bool IsVariableName(ReadOnlySpan<char> name) =>
        !name.IsEmpty
        && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && !name.ContainsAnyExcept(VariableChars);

    /// <summary>Whether <paramref name="name"/> is a valid HTTP header name (an RFC 9110 token).</summary>
    public static bool IsHeaderName(string name) =>
        name.Length > 0 && !name.AsSpan().ContainsAnyExcept(HeaderChars);

    private static readonly System.Buffers.SearchValues<char> VariableChars =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");

    private static readonly System.Buffers.SearchValues<char> HeaderChars =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+-.^_`|~");
}
