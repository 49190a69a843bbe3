namespace Tributary.McpClientRegistry.Authorization;

/// <summary>Where Tributary keeps what it stores for the user: OAuth tokens and the keys that encrypt them.</summary>
public static class DataDirectory
{
    /// <summary>The variable that moves the directory, for tests and for running several instances side by side.</summary>
    public const string Variable = "TRIBUTARY_DATA_DIR";

    /// <summary>
    /// <c>$TRIBUTARY_DATA_DIR</c>, else <c>$XDG_DATA_HOME/tributary</c>, else <c>~/.local/share/tributary</c>
    /// (the XDG base directory default), read through <paramref name="readVariable"/>.
    /// </summary>
    public static string Resolve(Func<string, string?> readVariable)
    {
        ArgumentNullException.ThrowIfNull(readVariable);
        if (readVariable(Variable) is { Length: > 0 } own)
        {
            return Path.GetFullPath(own);
        }

        if (readVariable("XDG_DATA_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg))
        {
            return Path.Combine(xdg, "tributary");
        }

        string home = readVariable("HOME") is { Length: > 0 } set ? set : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(home, ".local", "share", "tributary");
    }
}
