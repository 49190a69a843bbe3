namespace Tributary.Server.Reload;

/// <summary>What <c>/health</c> says about live reconfiguration. Holds no secret: errors are the loaders' messages, which never quote one.</summary>
/// <param name="State"><see cref="Loaded"/> (no reload yet), <see cref="Applied"/> or <see cref="Failed"/>.</param>
/// <param name="Path">The configuration file.</param>
/// <param name="LastSuccess">When the configuration in effect was loaded: at start, or by the last reload that applied.</param>
/// <param name="LastAttempt">When the last reload was tried, if any was.</param>
/// <param name="Errors">While the last reload failed: every error, with file and line, as the loaders give them.</param>
/// <param name="RestartNeeded">Fields changed in the files that apply only at start, with what each needs.</param>
internal sealed record ReloadStatus(string State, string Path, DateTimeOffset LastSuccess, DateTimeOffset? LastAttempt, IReadOnlyList<string> Errors, IReadOnlyList<string> RestartNeeded)
{
    /// <summary>No reload has happened: the configuration loaded at start is in effect.</summary>
    public const string Loaded = "loaded";

    /// <summary>The last reload was valid and applied.</summary>
    public const string Applied = "applied";

    /// <summary>The last reload was rejected; the last good configuration keeps serving.</summary>
    public const string Failed = "failed";
}
