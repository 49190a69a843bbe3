namespace Tributary.Agents.Configuration;

/// <summary>The rule for names of models and agents: 1 to 32 letters, digits, <c>_</c> and <c>-</c>.</summary>
internal static class EntryNames
{
    /// <summary>The longest name.</summary>
    public const int MaxLength = 32;

    /// <summary>What a valid name looks like, for messages.</summary>
    public const string Rule = "1 to 32 letters, digits, '_' and '-'";

    /// <summary>Whether <paramref name="name"/> follows the rule.</summary>
    public static bool IsValid(string name) =>
        name.Length is > 0 and <= MaxLength && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
